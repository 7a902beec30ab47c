// A client's report: its draft compared with the account's population.
import { expectedTransactions, pAlive } from './bgnbd';
import { summarizeContactDays } from './bgnbd-summary';
import type { BusinessClock } from './business-hours';
import { type Cadence, cadence } from './cadence';
import { chanceOverTime } from './check-in-due';
import type { ClientDraft } from './client-draft';
import { type FollowUpState, reconcileFollowUps, suggestFollowUps } from './follow-ups';
import type { BgNbdClientMetrics, ClientMetrics, ClientReport, PopulationModel } from './report-types';
import { assessRisk } from './risk';
import type { ShippedModel } from './risk-model/shipped-model';
import type { EngineSettings } from './settings';

/** The client's place in the BG/NBD model, its chance of being alive added in the same object literal. */
function bgnbdMetrics(
  population: PopulationModel,
  summary: { x: number; tx: number; T: number } | undefined,
): BgNbdClientMetrics | undefined {
  const model = population.bgnbd;
  if (!summary || !model) return summary;
  const { x, tx, T } = summary;
  return {
    x,
    tx,
    T,
    pAlive: pAlive(model, x, tx, T),
    expectedNext30Days: expectedTransactions(model, 30 / 7, x, tx, T),
  };
}

/**
 * The draft's metrics with the population's added in place, after its own
 * keys as a copy would place them: a draft is reported once, and a copy of
 * metrics whose keys differ from client to client takes V8's slow path for
 * every client.
 */
function withPopulationMetrics(
  draft: ClientDraft,
  rhythm: Cadence | undefined,
  bgnbd: BgNbdClientMetrics | undefined,
): ClientMetrics {
  const metrics: ClientMetrics = draft.metrics;
  if (rhythm) metrics.cadence = rhythm;
  if (bgnbd) metrics.bgnbd = bgnbd;
  return metrics;
}

export function reportClient(
  draft: ClientDraft,
  population: PopulationModel,
  clock: BusinessClock,
  settings: EngineSettings,
  now: number,
  states: readonly FollowUpState[] | undefined,
  riskModel?: ShippedModel,
): ClientReport {
  const { override } = draft;
  const today = clock.localDay(now);
  const metrics = withPopulationMetrics(
    draft,
    cadence(draft.contactDays, today, population.cadence),
    bgnbdMetrics(population, summarizeContactDays(draft.contactDays, today, 'weeks')),
  );
  const risk = assessRisk(metrics, override, population, now, settings.replyTargetBusinessMs, riskModel);
  const suggested = suggestFollowUps({
    clientKey: draft.key,
    metrics,
    reasons: risk.reasons,
    threads: draft.threads,
    chance: risk.score,
    ...(settings.checkInPercent !== undefined && { checkInPercent: settings.checkInPercent }),
    chanceAt: chanceOverTime(metrics, population, riskModel),
    valueFactor: risk.valueFactor,
    now,
  });
  const followUps = reconcileFollowUps(suggested, states ?? [], now).followUps;
  return {
    key: draft.key,
    displayName: draft.displayName,
    kind: draft.kind,
    addresses: draft.addresses,
    ...(override.tier && { tier: override.tier }),
    ...(override.value !== undefined && { value: override.value }),
    metrics,
    risk,
    followUps,
    threads: draft.threads,
    activity: draft.activity,
  };
}
