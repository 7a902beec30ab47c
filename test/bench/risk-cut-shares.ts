import { DAY } from '@/lib/engine/business-hours';
import { firstAfter, HORIZON_DAYS, type Sample } from '@/lib/engine/risk-model/evaluation-samples';
import type { EvaluationMailbox } from '@/lib/engine/risk-model/evaluation-types';
import { FEATURE_NAMES } from '@/lib/engine/risk-model/risk-features';

// What the share of clients going quiet at a cut date follows. Most of a
// pooled AUC's pairs join two mailboxes' months, so it is ranked by how quiet
// each month is. Across cut dates (each weighed by its samples), how much of
// that share's variance is told by the trend of the account's mail before the
// cut (the model's accountTrend signal, the same for every client of a cut),
// and how much by the export's messages in the 60 days after against its
// usual rate (a third of the 180 days before): a thing of the archive,
// unknown at the cut.

const HORIZON = HORIZON_DAYS * DAY;
const TREND = FEATURE_NAMES.indexOf('accountTrend');

interface Point {
  x: number;
  y: number;
  w: number;
}

/** The share of y's weighted variance a straight line in x explains (the squared weighted correlation). */
function weightedR2(points: readonly Point[]): number {
  const total = points.reduce((s, p) => s + p.w, 0);
  const mean = (f: (p: Point) => number) => points.reduce((s, p) => s + p.w * f(p), 0) / total;
  const mx = mean((p) => p.x);
  const my = mean((p) => p.y);
  const cov = mean((p) => (p.x - mx) * (p.y - my));
  return cov ** 2 / (mean((p) => (p.x - mx) ** 2) * mean((p) => (p.y - my) ** 2));
}

export function cutShares(mailboxes: readonly EvaluationMailbox[], samples: readonly Sample[]) {
  const sorted = new Map(mailboxes.map((m) => [m.name, [...m.messages].sort((a, b) => a.at - b.at)]));
  const cuts = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = `${s.mailbox}\u0000${s.cut}`;
    cuts.set(key, [...(cuts.get(key) ?? []), s]);
  }
  const known: Point[] = [];
  const archive: Point[] = [];
  for (const group of cuts.values()) {
    const { mailbox, cut, features } = group[0] as Sample;
    const messages = sorted.get(mailbox) ?? [];
    const count = (from: number, to: number) => firstAfter(messages, to) - firstAfter(messages, from);
    const y = group.filter((s) => s.quiet).length / group.length;
    known.push({ x: features[TREND] ?? 0, y, w: group.length });
    archive.push({
      x: Math.log((count(cut, cut + HORIZON) + 1) / (count(cut - 3 * HORIZON, cut) / 3 + 1)),
      y,
      w: group.length,
    });
  }
  return {
    cutDates: cuts.size,
    varianceToldByTheAccountTrendBeforeTheCut: weightedR2(known),
    varianceToldByTheExportsMailAfterTheCut: weightedR2(archive),
  };
}
