import { readFile } from 'node:fs/promises';
import { parseBgNbdSummaryCsv } from '@/lib/engine/bgnbd-csv';
import { fitBgNbd } from '@/lib/engine/bgnbd-fit';
import { type CliCommand, UsageError } from '../command';

const HELP = `keepwarm bgnbd <summary.csv>

Fits the BG/NBD model to a customer summary table (header frequency,recency,T
or x,t_x,T; one row per customer, times in one unit) and prints JSON:
{ r, alpha, a, b, ll, iterations, ms }.`;

export const command: CliCommand = {
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const [file, ...extra] = args;
    if (!file || extra.length > 0) throw new UsageError(`expected exactly one summary file\n\n${HELP}`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let customers: ReturnType<typeof parseBgNbdSummaryCsv>;
    try {
      customers = parseBgNbdSummaryCsv(text);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    const started = performance.now();
    const fit = fitBgNbd(customers);
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ ...fit.params, ll: fit.ll, iterations: fit.iterations, ms }));
    return 0;
  },
};
