// Scoring one client with the shipped model: the chance of going quiet and
// each term's part of the log-odds, grouped into the reasons the user reads.
// A term is measured against the typical client of the training data (the
// features' means), so a positive term is what makes this client riskier.
import type { ReasonKind } from '../risk-types';
import shipped from './coefficients.json';
import { FEATURE_NAMES, type FeatureName, type Features } from './risk-features';
import type { ShippedModel } from './shipped-model';

export const SHIPPED_MODEL = shipped as ShippedModel;

for (const term of SHIPPED_MODEL.terms) {
  if (!FEATURE_NAMES.includes(term.feature))
    throw new Error(`the shipped model reads an unknown signal: ${term.feature}`);
}

/**
 * The reason each signal speaks through. A candidate the selection dropped
 * (coefficients.json, training.dropped) never speaks, so theyStart can wait
 * under few_contacts: a model that keeps it needs a reason of its own for it,
 * with its texts.
 */
export const REASON_OF_FEATURE: Record<FeatureName, ReasonKind> = {
  silence: 'silence',
  silenceVsUsual: 'silence',
  sinceTheirs: 'silence',
  weWroteLast: 'silence',
  usualGap: 'silence',
  contactDays: 'few_contacts',
  age: 'few_contacts',
  firstNinetyDays: 'few_contacts',
  last30: 'declining',
  previous90: 'declining',
  waitingOnThem: 'waiting_on_them',
  waitingOnUs: 'waiting_on_us',
  theirReply: 'slow_replies',
  ourReply: 'slow_replies',
  pAliveGap: 'low_p_alive',
  accountTrend: 'account_quiet',
  theyStart: 'few_contacts',
  // Read against the usual gap, as the silence is.
  gapSpread: 'silence',
};

export interface Score {
  logOdds: number;
  /** 0–1. */
  chance: number;
  /** Each reason's part of the log-odds against the typical client. */
  terms: Partial<Record<ReasonKind, number>>;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function scoreFeatures(features: Features, model: ShippedModel = SHIPPED_MODEL): Score {
  const terms: Partial<Record<ReasonKind, number>> = {};
  let logOdds = model.intercept;
  for (const { feature, mean, scale, weight } of model.terms) {
    const part = (weight * (features[feature] - mean)) / scale;
    const kind = REASON_OF_FEATURE[feature];
    terms[kind] = (terms[kind] ?? 0) + part;
    logOdds += part;
  }
  return { logOdds, chance: sigmoid(logOdds), terms };
}

/** The reasons the model weighs at all. */
export function modelledReasons(model: ShippedModel = SHIPPED_MODEL): Set<ReasonKind> {
  return new Set(model.terms.map((t) => REASON_OF_FEATURE[t.feature]));
}
