// How sure a difference between the risk and days since the last contact is.
// With some twenty mailboxes, a few of them large, a pooled AUC moves by a
// hundredth when one mailbox comes or goes; the mailboxes are what was
// sampled, so they are what is resampled: drawn with replacement, the held-out
// predictions kept as they are (no refit), the difference measured on each
// draw. Seeded, so the same predictions always give the same interval.
import { auc, withinGroupAuc } from './evaluation-metrics';

export interface BootstrapSample {
  mailbox: string;
  /** The moment the sample was taken: pairs within one mailbox's cut are the within-cut ones. */
  cut: number;
  risk: number;
  baseline: number;
  positive: boolean;
}

/** The 2.5th, 50th and 97.5th percentiles of a difference over the draws. */
export interface Interval {
  low: number;
  median: number;
  high: number;
}

export const DRAWS = 400;

/** A small deterministic generator (Park–Miller): the interval must not change from run to run. */
function generator(seed: number): () => number {
  let state = seed % 2_147_483_647 || 1;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

const percentile = (sorted: readonly number[], q: number) => sorted[Math.round(q * (sorted.length - 1))] ?? Number.NaN;
const round = (x: number) => Math.round(x * 1000) / 1000;

function interval(values: number[]): Interval {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return {
    low: round(percentile(sorted, 0.025)),
    median: round(percentile(sorted, 0.5)),
    high: round(percentile(sorted, 0.975)),
  };
}

/** Risk minus baseline AUC, pooled and within cuts, over mailboxes drawn with replacement. */
export function mailboxBootstrap(
  scored: readonly BootstrapSample[],
  draws = DRAWS,
  seed = 1,
): { pooled: Interval; withinCut: Interval } {
  const byMailbox = new Map<string, BootstrapSample[]>();
  for (const s of scored) {
    const list = byMailbox.get(s.mailbox);
    if (list) list.push(s);
    else byMailbox.set(s.mailbox, [s]);
  }
  const mailboxes = [...byMailbox.values()];
  const random = generator(seed);
  const pooled: number[] = [];
  const withinCut: number[] = [];
  for (let d = 0; d < draws && mailboxes.length > 0; d++) {
    // A mailbox drawn twice is two mailboxes: its copies' cuts stay apart.
    const drawn = mailboxes.flatMap((_, copy) =>
      (mailboxes[Math.floor(random() * mailboxes.length)] ?? []).map((s) => ({ ...s, group: `${copy}:${s.cut}` })),
    );
    const by = (score: (s: BootstrapSample) => number) =>
      drawn.map((s) => ({ score: score(s), positive: s.positive, group: s.group }));
    pooled.push(auc(by((s) => s.risk)) - auc(by((s) => s.baseline)));
    withinCut.push(withinGroupAuc(by((s) => s.risk)) - withinGroupAuc(by((s) => s.baseline)));
  }
  return { pooled: interval(pooled), withinCut: interval(withinCut) };
}
