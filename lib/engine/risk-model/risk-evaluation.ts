// The evaluation the bench, the command line and the tests share: mailbox-
// level cross-validation of the chance of going quiet (each mailbox scored by
// a model fitted on the others only), and per mailbox and pooled, the AUC of
// that chance and of each simple baseline, calibration by decile and the Brier
// score, on both labels.
import { type Interval, mailboxBootstrap } from './evaluation-bootstrap';
import {
  auc,
  brierScore,
  type CalibrationBin,
  calibrationByDecile,
  logLoss,
  withinGroupAuc,
} from './evaluation-metrics';
import type { Sample } from './evaluation-samples';
import { chanceOf, fitLogistic, type LogisticModel } from './logistic-fit';
import { FEATURE_NAMES, type FeatureName } from './risk-features';
import { SHIPPED_MODEL } from './risk-score';
import { asLogistic, specOf } from './shipped-model';

export type Label = 'quiet' | 'noContact';

/** Which signals a model uses and how strongly its weights are pulled toward zero. */
export interface ModelSpec {
  features: readonly FeatureName[];
  lambda: number;
}

/** A fit of rows to labels; `groups` names each row's mailbox and cut date, for fits that rank within them. */
export type Fit = (rows: number[][], labels: boolean[], lambda: number, groups?: readonly string[]) => LogisticModel;

export interface Prediction {
  sample: Sample;
  /** The chance of the label, from a model that never saw the sample's mailbox. */
  chance: number;
}

export const columnsOf = (spec: ModelSpec) => spec.features.map((name) => FEATURE_NAMES.indexOf(name));
export const rowOf = (sample: Sample, columns: readonly number[]) => columns.map((c) => sample.features[c] ?? 0);

/** Fits a model of `label` on the samples, with the spec's features. */
export function fitSpec(samples: readonly Sample[], spec: ModelSpec, label: Label, fitModel: Fit = fitLogistic) {
  const columns = columnsOf(spec);
  return fitModel(
    samples.map((s) => rowOf(s, columns)),
    samples.map((s) => s[label]),
    spec.lambda,
  );
}

/** Every mailbox held out once and scored by a model fitted on all the others. */
export function crossValidate(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label = 'quiet',
  fitModel: Fit = fitLogistic,
): Prediction[] {
  const columns = columnsOf(spec);
  return crossValidateRows(samples, (s) => rowOf(s, columns), spec.lambda, label, fitModel);
}

/** The same cross-validation over any row a sample gives: how signals beside the shipped ones are tried. */
export function crossValidateRows(
  samples: readonly Sample[],
  rowOfSample: (sample: Sample) => number[],
  lambda: number,
  label: Label = 'quiet',
  fitModel: Fit = fitLogistic,
): Prediction[] {
  const rows = new Map(samples.map((s) => [s, rowOfSample(s)]));
  const rowFor = (s: Sample) => rows.get(s) ?? [];
  const mailboxes = [...new Set(samples.map((s) => s.mailbox))];
  return mailboxes.flatMap((heldOut) => {
    const training = samples.filter((s) => s.mailbox !== heldOut);
    const model = fitModel(
      training.map(rowFor),
      training.map((s) => s[label]),
      lambda,
      training.map(cutOf),
    );
    return samples
      .filter((s) => s.mailbox === heldOut)
      .map((sample) => ({ sample, chance: chanceOf(model, rowFor(sample)) }));
  });
}

export const BASELINES = {
  daysSinceLastContact: (s: Sample) => s.baselines.daysSinceLastContact,
  contactDays: (s: Sample) => -s.baselines.contactDays,
  bgnbdPAlive: (s: Sample) => s.baselines.pAliveGap,
  silenceVsUsualGap: (s: Sample) => s.baselines.silenceRatio,
} as const;
export type BaselineName = keyof typeof BASELINES;

export interface Table {
  samples: number;
  positives: number;
  auc: { risk: number } & Record<BaselineName, number>;
  /** The same, counting only pairs of clients of one mailbox at one cut date (evaluation-metrics.ts, withinGroupAuc). */
  withinCutAuc: { risk: number } & Record<BaselineName, number>;
  brier: number;
  logLoss: number;
  calibration: CalibrationBin[];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export const cutOf = (sample: Sample) => `${sample.mailbox}\u0000${sample.cut}`;

export function table(predictions: readonly Prediction[], label: Label): Table {
  const outcomes = predictions.map((p) => ({ chance: p.chance, positive: p.sample[label] }));
  const aucs = (measure: typeof withinGroupAuc) => {
    const of = (score: (p: Prediction) => number) =>
      round(measure(predictions.map((p) => ({ score: score(p), positive: p.sample[label], group: cutOf(p.sample) }))));
    const baselines = Object.fromEntries(
      Object.entries(BASELINES).map(([name, score]) => [name, of((p) => score(p.sample))]),
    ) as Record<BaselineName, number>;
    return { risk: of((p) => p.chance), ...baselines };
  };
  return {
    samples: predictions.length,
    positives: outcomes.filter((o) => o.positive).length,
    auc: aucs(auc),
    withinCutAuc: aucs(withinGroupAuc),
    brier: round(brierScore(outcomes)),
    logLoss: round(logLoss(outcomes)),
    calibration: calibrationByDecile(outcomes).map((b) => ({
      predicted: round(b.predicted),
      observed: round(b.observed),
      count: b.count,
    })),
  };
}

export interface EvaluationReport {
  label: Label;
  spec: ModelSpec;
  pooled: Table;
  byMailbox: Record<string, Table>;
  /** Mailboxes with both outcomes (where AUC is defined), those where the risk beats days since last contact, and every baseline. */
  mailboxesRanked: number;
  winsOverDaysSince: number;
  winsOverEveryBaseline: number;
  /** Deciles holding at least 100 samples whose predicted and observed shares differ by more than 5 points. */
  deciles100OffBy5Points: number;
  /**
   * Pooled AUC of days since the last contact put through the same protocol
   * as the risk: a one-signal model of it refitted with each mailbox held out.
   * Each refit's intercept leans away from the held-out mailbox's share going
   * quiet (leaving out a quiet mailbox makes the rest look less quiet), which
   * costs the pooled AUC of any fitted score and not the raw baseline's.
   */
  pooledAucOfRecencyRefitted: number;
  /** The risk's AUC minus that of days since the last contact, pooled and within cuts, over mailboxes resampled (evaluation-bootstrap.ts). */
  riskMinusRecency: { pooled: Interval; withinCut: Interval };
}

export function evaluateRisk(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label,
  fitModel?: Fit,
): EvaluationReport {
  return reportOf(crossValidate(samples, spec, label, fitModel), samples, spec, label);
}

/** The report's tables and counts, without its resampling and refits: what every variant tried is judged by. */
export type Ranking = Pick<
  EvaluationReport,
  'pooled' | 'byMailbox' | 'mailboxesRanked' | 'winsOverDaysSince' | 'winsOverEveryBaseline' | 'deciles100OffBy5Points'
>;

export function rankingOf(predictions: readonly Prediction[], samples: readonly Sample[], label: Label): Ranking {
  const byMailbox: Record<string, Table> = {};
  for (const name of [...new Set(samples.map((s) => s.mailbox))]) {
    byMailbox[name] = table(
      predictions.filter((p) => p.sample.mailbox === name),
      label,
    );
  }
  const ranked = Object.values(byMailbox).filter((t) => !Number.isNaN(t.auc.risk));
  const pooled = table(predictions, label);
  return {
    pooled,
    byMailbox,
    mailboxesRanked: ranked.length,
    winsOverDaysSince: ranked.filter((t) => t.auc.risk > t.auc.daysSinceLastContact).length,
    winsOverEveryBaseline: ranked.filter((t) =>
      (Object.keys(BASELINES) as BaselineName[]).every((b) => Number.isNaN(t.auc[b]) || t.auc.risk > t.auc[b]),
    ).length,
    deciles100OffBy5Points: pooled.calibration.filter(
      (b) => b.count >= 100 && Math.abs(b.predicted - b.observed) > 0.05,
    ).length,
  };
}

/** The report on held-out predictions of every sample, however they were made. */
export function reportOf(
  predictions: readonly Prediction[],
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label,
): EvaluationReport {
  return {
    label,
    spec,
    ...rankingOf(predictions, samples, label),
    riskMinusRecency: mailboxBootstrap(
      predictions.map((p) => ({
        mailbox: p.sample.mailbox,
        cut: p.sample.cut,
        risk: p.chance,
        baseline: BASELINES.daysSinceLastContact(p.sample),
        positive: p.sample[label],
      })),
    ),
    pooledAucOfRecencyRefitted: round(
      auc(
        crossValidate(samples, { features: ['silence'], lambda: spec.lambda }, label).map((p) => ({
          score: p.chance,
          positive: p.sample[label],
        })),
      ),
    ),
  };
}

/** How the shipped model does on one account's own past, or why it cannot be said. */
export interface AccountEvaluation {
  /** The model scored: always the shipped one, fitted at this commit. */
  model: { source: 'shipped'; commit: string };
  samples: number;
  /** Set when the account's past cannot test the model: no correspondent with enough history, or only one outcome. */
  note?: 'no-samples' | 'one-outcome';
  table?: Table;
}

/**
 * Scores one account's own samples with the shipped model, unchanged: what a
 * backtest on the user's mail reports. An account too small to test it (two
 * messages, one client, no outcome of either kind) keeps the shipped model and says why.
 */
export function evaluateAccount(samples: readonly Sample[], label: Label = 'quiet'): AccountEvaluation {
  const model = { source: 'shipped' as const, commit: SHIPPED_MODEL.fitted.commit };
  if (samples.length === 0) return { model, samples: 0, note: 'no-samples' };
  const fitted = asLogistic(SHIPPED_MODEL);
  const columns = columnsOf(specOf(SHIPPED_MODEL));
  const predictions = samples.map((sample) => ({ sample, chance: chanceOf(fitted, rowOf(sample, columns)) }));
  const positives = samples.filter((s) => s[label]).length;
  const note = positives === 0 || positives === samples.length ? { note: 'one-outcome' as const } : {};
  return { model, samples: samples.length, ...note, table: table(predictions, label) };
}
