// The chance a client goes quiet — sends nothing in the next 60 days — from
// the fitted model (risk-model/), with the reasons behind it and what ends
// each one, beside the reasons to act now (risk-urgency.ts).
//
// The chance is a logistic model over readable signals (risk-features.ts),
// its signals and weights chosen and fitted by mailbox-level cross-validation
// on real mail and shipped as data (risk-model/coefficients.json, refitted by
// `npm run fit-risk`). Each term is measured against the typical client of the
// training data; the terms that push this client's chance up are its reasons,
// each with its share of those terms' log-odds (weight, in percent) and what
// would end it, re-scored by the same model (risk-model/what-ends-it.ts).
//
// A wait on us, our slowing replies, our unanswered message and complaint or
// cancellation cues are reasons to act whatever the chance: they stay in the
// reasons (urgent), order the waiting lists and follow-ups with the client's
// value, and move the chance only as far as the model weighs them.
//
// Levels are thresholds on the chance: below 25% low, below 50% watch, below
// 75% high, else critical. The client's tier or value never changes the
// chance; it weighs what to act on first (valueFactor).
import type { ClientOverride } from './overrides';
import type { ClientMetrics, PopulationModel } from './report-types';
import { modelReason } from './risk-model/model-reasons';
import { type FeatureInput, lastExchangeAt, riskFeatures } from './risk-model/risk-features';
import { modelledReasons, SHIPPED_MODEL, scoreFeatures } from './risk-model/risk-score';
import type { ShippedModel } from './risk-model/shipped-model';
import { REASON_THRESHOLD, reasonEndings } from './risk-model/what-ends-it';
import type { ReasonEnding, ReasonKind, Risk, RiskLevel, RiskReason } from './risk-types';
import { urgentReasons } from './risk-urgency';

/** How far ahead the chance of going quiet looks, in days: the shipped model's horizon. */
export const HORIZON_DAYS = SHIPPED_MODEL.horizonDays;

const TIER_FACTOR = { key: 1.3, standard: 1, minor: 0.75 } as const;
/** Signals of fading that say nothing while the user expects the client to be silent. */
const FADING: ReadonlySet<ReasonKind> = new Set(['silence', 'few_contacts', 'declining', 'low_p_alive']);

const log2 = Math.log2;
const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

export function valueFactor(override: ClientOverride, medianValue: number | undefined): number {
  if (override.tier) return TIER_FACTOR[override.tier];
  if (override.value !== undefined && medianValue !== undefined && medianValue > 0 && override.value > 0) {
    return clamp(1 + 0.2 * log2(override.value / medianValue), 0.75, 1.3);
  }
  return 1;
}

/** The level of a chance in percent (see the header). */
export function riskLevel(score: number): RiskLevel {
  if (score < 25) return 'low';
  if (score < 50) return 'watch';
  if (score < 75) return 'high';
  return 'critical';
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A reason given its share of the reasons' log-odds and what would end it.
 * In place: each reason is made for this one assessment, so a copy of it is
 * only more garbage for every reason of every client. A field the reason
 * already has keeps its place, a new one goes last, as a copy would place them.
 */
function weigh(
  reason: RiskReason,
  terms: Partial<Record<ReasonKind, number>>,
  total: number,
  modelled: ReadonlySet<ReasonKind>,
  endingOf: (kind: ReasonKind) => ReasonEnding,
): RiskReason {
  const part = terms[reason.kind] ?? 0;
  const ends = endingOf(reason.kind);
  reason.weight = part > REASON_THRESHOLD ? round1((100 * part) / total) : 0;
  if (modelled.has(reason.kind)) reason.logOdds = round3(part);
  // The ending too is made for this reason alone (reasonEndings), so it is rounded in place.
  ends.chance = round3(ends.chance);
  reason.ends = ends;
  return reason;
}

/** The metrics as the model should read them: while silence is expected, the client reads as just heard from. */
export function modelInput(m: ClientMetrics, population: PopulationModel, now: number): FeatureInput {
  const quiet = m.quietUntil !== undefined && now < m.quietUntil;
  return { metrics: quiet ? { ...m, lastInboundAt: now } : m, population, now };
}

/** Deterministic: the same metrics, override, now and model give the same risk. */
export function assessRisk(
  m: ClientMetrics,
  override: ClientOverride,
  population: PopulationModel,
  now: number,
  replyTargetBusinessMs?: number,
  model: ShippedModel = SHIPPED_MODEL,
): Risk {
  const factor = valueFactor(override, population.medianValue);
  const modelTag = {
    commit: model.fitted.commit,
    horizonDays: model.horizonDays,
    ...(model.fitted.account && { account: true as const }),
  };
  // A client watched before any exchange has nothing to go quiet from yet.
  if (lastExchangeAt(m) === undefined)
    return { score: 0, level: 'low', reasons: [], valueFactor: factor, model: modelTag };
  const input = modelInput(m, population, now);
  const score = scoreFeatures(riskFeatures(input), model);
  const quiet = m.quietUntil !== undefined && now < m.quietUntil;
  const positive = Object.entries(score.terms).filter(([, part]) => (part ?? 0) > REASON_THRESHOLD);
  const total = positive.reduce((s, [, part]) => s + (part ?? 0), 0);
  const modelled = modelledReasons(model);
  const endingOf = reasonEndings(input, model);
  const urgent = urgentReasons(m, population, now, replyTargetBusinessMs);
  const urgentKinds = new Set(urgent.map((r) => r.kind));
  const fromModel = positive
    .map(([kind]) => kind as ReasonKind)
    .filter((kind) => !urgentKinds.has(kind) && !(quiet && FADING.has(kind)))
    .flatMap((kind) => modelReason(kind, input) ?? []);
  const reasons = [...fromModel, ...urgent]
    .map((reason) => weigh(reason, score.terms, total, modelled, endingOf))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        Number(b.urgent ?? false) - Number(a.urgent ?? false) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  const percent = Math.round(score.chance * 100);
  return {
    score: percent,
    level: riskLevel(percent),
    reasons,
    valueFactor: factor,
    model: modelTag,
  };
}
