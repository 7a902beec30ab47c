import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBgNbdSummaryCsv } from '@/lib/engine/bgnbd-csv';
import { fitBgNbd } from '@/lib/engine/bgnbd-fit';
import { type Benchmark, medianMs } from './benchmark';

// The BG/NBD fit on the CDNOW summary of the paper, side by side with SciPy's
// Nelder–Mead on the same log-likelihood from the same start (bgnbd-scipy.py).
// Ours runs box-bounded BFGS with the exact gradient from two starts; SciPy runs
// its simplex once.

const SUMMARY = path.resolve(import.meta.dirname, '../../../shared/data/cdnow/cdnow_customers_summary.csv');
const REPEAT = 7;

function scipyBaseline(): Record<string, unknown> {
  try {
    const out = execFileSync('python3', [path.join(import.meta.dirname, 'bgnbd-scipy.py'), SUMMARY, String(REPEAT)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out) as Record<string, unknown>;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1);
    return { unavailable: `python3 with numpy and scipy is needed for the baseline (${stderr ?? String(error)})` };
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const bgnbdFit: Benchmark = {
  name: 'bgnbd-fit',
  async run() {
    if (!existsSync(SUMMARY)) throw new Error(`the CDNOW summary is not beside the checkout (${SUMMARY})`);
    const customers = parseBgNbdSummaryCsv(readFileSync(SUMMARY, 'utf8'));
    const fit = fitBgNbd(customers);
    const ours = await medianMs(REPEAT, () => fitBgNbd(customers), 1);
    const scipy = scipyBaseline();
    const scipyMs = typeof scipy.medianMs === 'number' ? scipy.medianMs : undefined;
    return {
      customers: customers.length,
      keepwarm: {
        r: round(fit.params.r, 4),
        alpha: round(fit.params.alpha, 4),
        a: round(fit.params.a, 4),
        b: round(fit.params.b, 4),
        ll: round(fit.ll, 4),
        iterations: fit.iterations,
        medianMs: round(ours, 1),
      },
      scipy:
        scipyMs === undefined
          ? scipy
          : {
              ...Object.fromEntries(
                ['r', 'alpha', 'a', 'b', 'll'].map((k) => [k, round(Number(scipy[k]), 4)] as const),
              ),
              evaluations: scipy.evaluations,
              medianMs: round(scipyMs, 1),
            },
      paper: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.43 },
      ...(scipyMs !== undefined && { keepwarmOverScipy: round(ours / scipyMs, 2) }),
    };
  },
};
