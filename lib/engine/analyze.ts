// The engine's entry points: a whole account at once (fitting the population
// model), or one client against an already fitted population. Both draft each
// client from its messages alone, fit the population on the drafts, then
// report each draft against it (client-draft.ts, population.ts, client-report.ts).
import type { BgNbdParams } from './bgnbd';
import { createBusinessClock } from './business-hours';
import { groupByClient } from './client-buckets';
import { draftClient } from './client-draft';
import { reportClient } from './client-report';
import type { FollowUpState } from './follow-ups';
import { addOutsideContact, type OutsideContact } from './outside-contact';
import { type ClientOverrides, createClientResolver } from './overrides';
import { fitPopulation } from './population';
import type { ClientReport, InputIssue, PopulationModel } from './report-types';
import type { ShippedModel } from './risk-model/shipped-model';
import { type SetAsideClient, setAsideClient, setAsideClients } from './set-aside';
import { type EngineSettings, parseEngineSettings } from './settings';
import type { AccountIdentity, MailMessage } from './types';

export interface AnalyzeAccountInput extends OutsideContact {
  messages: readonly MailMessage[];
  identity: AccountIdentity;
  settings?: Partial<EngineSettings>;
  overrides?: ClientOverrides;
  now: number;
  /** Stored follow-up decisions; when given, each report's follow-ups carry their status. */
  followUpStates?: readonly FollowUpState[];
  /** The chance's model when the account adopted one of its own (account-model.ts); the shipped one otherwise. */
  riskModel?: ShippedModel;
}

export interface AccountAnalysis {
  /** Highest risk first. */
  clients: ClientReport[];
  model: BgNbdParams | undefined;
  population: PopulationModel;
  /** Clients whose every message came from or went to automated or bulk senders, most recent first. */
  setAside: SetAsideClient[];
  /** Messages that could not be used, and override problems. */
  issues: InputIssue[];
}

export const byRisk = (a: ClientReport, b: ClientReport) => b.risk.score - a.risk.score || (a.key < b.key ? -1 : 1);

/** Analyses every client of one account. Throws SettingsError for bad settings; bad messages become issues. */
export function analyzeAccount(input: AnalyzeAccountInput): AccountAnalysis {
  const settings = parseEngineSettings(input.settings);
  const clock = createBusinessClock(settings);
  const resolver = createClientResolver(input.overrides);
  const { buckets, setAside, issues } = groupByClient(input.messages, input.identity, resolver, input.now);
  issues.push(...addOutsideContact(buckets, input, resolver, input.now));
  const drafts = [...buckets.values()].map((bucket) =>
    draftClient(bucket, resolver.override(bucket.key), clock, input.now),
  );
  const population = fitPopulation(drafts, clock.localDay(input.now));
  const clients = drafts
    .map((draft) => reportClient(draft, population, clock, settings, input.now, input.followUpStates, input.riskModel))
    .sort(byRisk);
  return {
    clients,
    model: population.bgnbd,
    population,
    setAside: setAsideClients(setAside, (key) => buckets.has(key)),
    issues: [...issues, ...resolver.problems.map((problem) => ({ problem }))],
  };
}

export interface AnalyzeClientInput extends Omit<AnalyzeAccountInput, 'messages'> {
  clientKey: string;
  /** The client's messages (others are ignored). */
  messages: readonly MailMessage[];
  population: PopulationModel;
}

/**
 * Recomputes one client with the population fitted by analyzeAccount: its
 * report, or why it was set aside, or neither when it is not (or no longer) a client.
 */
export function analyzeOneClient(input: AnalyzeClientInput): { report?: ClientReport; setAside?: SetAsideClient } {
  const settings = parseEngineSettings(input.settings);
  const clock = createBusinessClock(settings);
  const resolver = createClientResolver(input.overrides);
  const { buckets, setAside } = groupByClient(input.messages, input.identity, resolver, input.now);
  addOutsideContact(buckets, input, resolver, input.now);
  const bucket = buckets.get(input.clientKey);
  if (!bucket) {
    const senders = setAside.get(input.clientKey);
    return senders ? { setAside: setAsideClient(input.clientKey, senders) } : {};
  }
  const draft = draftClient(bucket, resolver.override(bucket.key), clock, input.now);
  return {
    report: reportClient(draft, input.population, clock, settings, input.now, input.followUpStates, input.riskModel),
  };
}

/** Recomputes one client with the population fitted by analyzeAccount; undefined when it is not (or no longer) a client. */
export function analyzeClient(input: AnalyzeClientInput): ClientReport | undefined {
  return analyzeOneClient(input).report;
}
