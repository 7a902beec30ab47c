// A client's report: its draft compared with the account's population.
import { expectedTransactions, pAlive } from './bgnbd';
import { summarizeContactDays } from './bgnbd-summary';
import type { BusinessClock } from './business-hours';
import { cadence } from './cadence';
import { chanceOverTime } from './check-in-due';
import type { ClientDraft } from './client-draft';
import { type FollowUpState, reconcileFollowUps, suggestFollowUps } from './follow-ups';
import type { ClientMetrics, ClientReport, PopulationModel } from './report-types';
import { assessRisk } from './risk';
import type { ShippedModel } from './risk-model/shipped-model';
import type { EngineSettings } from './settings';

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
  const metrics: ClientMetrics = { ...draft.metrics };
  const rhythm = cadence(draft.contactDays, today, population.cadence);
  if (rhythm) metrics.cadence = rhythm;
  const summary = summarizeContactDays(draft.contactDays, today, 'weeks');
  const model = population.bgnbd;
  if (summary) {
    metrics.bgnbd = summary;
    if (model) {
      metrics.bgnbd.pAlive = pAlive(model, summary.x, summary.tx, summary.T);
      metrics.bgnbd.expectedNext30Days = expectedTransactions(model, 30 / 7, summary.x, summary.tx, summary.T);
    }
  }
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
