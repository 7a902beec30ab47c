// Whether a richer shape of the shipped signals, a readable interaction, or a
// fit that ranks within one mailbox's cut date would beat the shipped model:
// each tried in the evaluation's own mailbox-level cross-validation, on the
// same samples, and judged by the same figures as the shipped model in the
// same run, on both labels. Every candidate keeps one weight per column, and
// each column is read from one reason's signals (silence, or silence against
// how often the client writes), so each reason would still be one term.
import { chanceIn, difference, type Figures, figuresOf } from './candidate-evaluation';
import type { Interval } from './evaluation-bootstrap';
import type { Sample } from './evaluation-samples';
import { fitLogistic } from './logistic-fit';
import {
  BASELINES,
  columnsOf,
  crossValidateRows,
  type Fit,
  type Label,
  type ModelSpec,
  type Prediction,
  rankingOf,
  rowOf,
} from './risk-evaluation';
import { FEATURE_NAMES, type FeatureName } from './risk-features';
import { cutFixedEffects, pairwiseBlend } from './within-cut-fit';

/** Days where a shape may bend, fixed before looking: two weeks, the 60-day horizon's middle, a quarter. */
export const KNOT_DAYS = [14, 45, 90] as const;
/** Silence against the usual gap where a shape may bend: once and three times the expected gap. */
export const RATIO_KNOTS = [1, 3] as const;
export const BLEND_ALPHAS = [0.25, 0.5, 0.75] as const;

const signal = (s: Sample, name: FeatureName) => s.features[FEATURE_NAMES.indexOf(name)] ?? 0;
const hinges = (s: Sample, name: FeatureName, knots: readonly number[]) =>
  knots.map((k) => Math.max(0, signal(s, name) - Math.log1p(k)));

interface Candidate {
  /** The row a sample gives, from the spec's row; the spec's own row when absent. */
  row?: (s: Sample, base: number[]) => number[];
  fit?: Fit;
}

/** The spec's row with one signal's value put through `f`. */
const replacing =
  (spec: ModelSpec, name: FeatureName, f: (v: number) => number) =>
  (_: Sample, base: number[]): number[] =>
    base.map((v, j) => (spec.features[j] === name ? f(v) : v));

const capRatio = (times: number) => (v: number) => Math.min(v, Math.log1p(times));
const squareRootDays = (v: number) => Math.sqrt(Math.expm1(v));

function candidates(spec: ModelSpec): Record<string, Candidate> {
  const blends = Object.fromEntries(
    BLEND_ALPHAS.map((alpha) => [`pairwiseBlend${alpha}`, { fit: pairwiseBlend(alpha) }]),
  );
  return {
    silenceHinges: { row: (s, base) => [...base, ...hinges(s, 'silence', KNOT_DAYS)] },
    sinceTheirsHinges: { row: (s, base) => [...base, ...hinges(s, 'sinceTheirs', KNOT_DAYS)] },
    silenceVsUsualHinges: { row: (s, base) => [...base, ...hinges(s, 'silenceVsUsual', RATIO_KNOTS)] },
    allHinges: {
      row: (s, base) => [
        ...base,
        ...hinges(s, 'silence', KNOT_DAYS),
        ...hinges(s, 'sinceTheirs', KNOT_DAYS),
        ...hinges(s, 'silenceVsUsual', RATIO_KNOTS),
      ],
    },
    daysUnderSquareRoot: {
      row: (s, base) =>
        replacing(spec, 'sinceTheirs', squareRootDays)(s, replacing(spec, 'silence', squareRootDays)(s, base)),
    },
    silenceByContactDays: { row: (s, base) => [...base, signal(s, 'silence') * signal(s, 'contactDays')] },
    sinceTheirsByContactDays: { row: (s, base) => [...base, signal(s, 'sinceTheirs') * signal(s, 'contactDays')] },
    // The shipped ratio already stops at SILENCE_VS_USUAL_CAP times the expected gap: a lower cap is what is left to try.
    silenceVsUsualCappedAt3: { row: replacing(spec, 'silenceVsUsual', capRatio(3)) },
    ...blends,
    cutFixedEffects: { fit: cutFixedEffects },
  };
}

export const CANDIDATE_NAMES = Object.keys(candidates({ features: [], lambda: 0 }));

export interface Judged extends Figures {
  /** Its AUC minus that of days since the last contact, over mailboxes resampled. */
  minusRecency: { pooled: Interval; withinCut: Interval };
  /** Its AUC minus the shipped model's held-out chances', over mailboxes resampled. */
  minusShipped: { pooled: Interval; withinCut: Interval };
}

export interface ShapeReport {
  label: Label;
  /** Days since the last contact, the baseline to beat. */
  recency: { pooledAuc: number; withinCutAuc: number };
  shipped: Judged;
  candidates: Record<string, Judged>;
}

/** Each candidate in the spec's cross-validation, beside the spec itself, on one label. */
export function tryShapes(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label = 'quiet',
  only: readonly string[] = CANDIDATE_NAMES,
): ShapeReport {
  const columns = columnsOf(spec);
  const base = new Map(samples.map((s) => [s, rowOf(s, columns)]));
  const run = ({ row, fit = fitLogistic }: Candidate) =>
    crossValidateRows(samples, (s) => (row ? row(s, base.get(s) ?? []) : (base.get(s) ?? [])), spec.lambda, label, fit);
  const shippedPredictions = run({});
  const judge = (predictions: Prediction[]): Judged => ({
    ...figuresOf(predictions, samples, label),
    minusRecency: difference(predictions, (p) => BASELINES.daysSinceLastContact(p.sample), label),
    minusShipped: difference(predictions, chanceIn(shippedPredictions), label),
  });
  const pooled = rankingOf(shippedPredictions, samples, label).pooled;
  const all = candidates(spec);
  return {
    label,
    recency: { pooledAuc: pooled.auc.daysSinceLastContact, withinCutAuc: pooled.withinCutAuc.daysSinceLastContact },
    shipped: judge(shippedPredictions),
    candidates: Object.fromEntries(
      only.flatMap((name) => {
        const candidate = all[name];
        return candidate ? [[name, judge(run(candidate))]] : [];
      }),
    ),
  };
}
