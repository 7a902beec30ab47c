// What ends a reason: the event that would, applied to the client's metrics
// as if it happened now, and the model's chance after it. The same features
// and the same model as the chance itself, so the promise is the model's own.
import type { ClientMetrics, PopulationModel } from '../report-types';
import type { ReasonEnding, ReasonKind } from '../risk-types';
import type { Waiting } from '../waiting';
import { type FeatureInput, riskFeatures } from './risk-features';
import { scoreFeatures } from './risk-score';
import type { ShippedModel } from './shipped-model';

const DAY = 86_400_000;
/** A term smaller than this (in log-odds) is too small to be a reason. */
export const REASON_THRESHOLD = 0.05;
/** The client's metrics had they written to us just now. */
function afterTheirMessage(m: ClientMetrics, now: number): ClientMetrics {
  // Waiting has two sides; the one left is built outright, as a rest pattern is slow on every client.
  const waiting: Waiting = m.waiting.onUs ? { onUs: m.waiting.onUs } : {};
  const newDay = m.cadence !== undefined && (m.lastInboundAt === undefined || now - m.lastInboundAt >= DAY);
  return {
    ...m,
    lastInboundAt: now,
    inbound: m.inbound + 1,
    waiting,
    trend: { ...m.trend, last30: m.trend.last30 + 1 },
    ...(m.cadence && { cadence: { ...m.cadence, contactDays: m.cadence.contactDays + (newDay ? 1 : 0) } }),
  };
}

/** The client's metrics had we answered them just now. */
function afterOurReply(m: ClientMetrics, now: number): ClientMetrics {
  const waiting: Waiting = m.waiting.onThem ? { onThem: m.waiting.onThem } : {};
  return { ...m, lastOutboundAt: now, outbound: m.outbound + 1, waiting };
}

/** The account's population had its mail from clients kept its usual monthly rate. */
function withUsualMail(population: PopulationModel): PopulationModel {
  const activity = population.activity;
  return activity ? { ...population, activity: { ...activity, last30: activity.previous90 / 3 } } : population;
}

const ENDED_BY: Record<ReasonKind, ReasonEnding['by']> = {
  silence: 'their_message',
  few_contacts: 'their_message',
  declining: 'their_message',
  low_p_alive: 'their_message',
  waiting_on_them: 'their_message',
  account_quiet: 'usual_mail',
  waiting_on_us: 'our_reply',
  slow_replies: 'our_reply',
  complaint: 'our_reply',
  cancellation: 'our_reply',
  price: 'our_reply',
  competitor: 'our_reply',
};

/** The input as it would be after the event that ends `kind`. */
export function endingInput(kind: ReasonKind, input: FeatureInput): FeatureInput {
  switch (ENDED_BY[kind]) {
    case 'their_message':
      return { ...input, metrics: afterTheirMessage(input.metrics, input.now) };
    case 'our_reply':
      return { ...input, metrics: afterOurReply(input.metrics, input.now) };
    case 'usual_mail':
      return { ...input, population: withUsualMail(input.population) };
  }
}

/**
 * What ends each reason and the chance after it; `removes` says whether the
 * model's term for it is then gone. Reasons ended by the same event share
 * one scoring of the model, made when first asked.
 */
export function reasonEndings(input: FeatureInput, model: ShippedModel): (kind: ReasonKind) => ReasonEnding {
  const scored = new Map<ReasonEnding['by'], ReturnType<typeof scoreFeatures>>();
  return (kind) => {
    const by = ENDED_BY[kind];
    let after = scored.get(by);
    if (!after) {
      after = scoreFeatures(riskFeatures(endingInput(kind, input)), model);
      scored.set(by, after);
    }
    return { by, chance: after.chance, removes: (after.terms[kind] ?? 0) <= REASON_THRESHOLD };
  };
}
