// An account analysed one client at a time, for a caller that cannot hold all
// of a large account's messages at once. It asks which clients there are and
// under which base keys their messages are filed, gives each client's messages
// in turn, and gets the reports and the population analyzeAccount would give
// on all the messages together, given by time then id: only drafts
// (client-draft.ts) are kept between clients, and the population is fitted on
// them at the end, in the order analyzeAccount meets the clients, since sums of
// floating-point numbers depend on their order.
import { type AnalyzeAccountInput, byRisk } from './analyze';
import { createBusinessClock } from './business-hours';
import { type ClientBucket, groupByClient } from './client-buckets';
import { type ClientDraft, draftClient } from './client-draft';
import { reportClient } from './client-report';
import { byTime } from './conversation';
import { idOf } from './message-columns';
import { addOutsideContact } from './outside-contact';
import { createClientResolver } from './overrides';
import { fitPopulation } from './population';
import type { ClientReport, PopulationModel } from './report-types';
import { bySetAsideOrder, type SetAsideClient, setAsideClient } from './set-aside';
import { parseEngineSettings } from './settings';
import type { MailMessage } from './types';

export type AccountContext = Omit<AnalyzeAccountInput, 'messages'>;

/** Where analyzeAccount first meets a client: at a message (and which of its parties), or outside mail. */
type FirstSeen = { at: number; id: string; party: number } | { outside: number };

function firstSeenFirst(a: FirstSeen, b: FirstSeen): number {
  if ('outside' in a) return 'outside' in b ? a.outside - b.outside : 1;
  if ('outside' in b) return -1;
  return byTime(a, b) || a.party - b.party;
}

export interface ClientByClientAnalysis {
  /** The clients the messages filed under a base key can count for (see ClientResolver.clientsOf). */
  clientsOf(base: string): string[];
  /** The clients known outside mail: watched, or with activities in a CRM. */
  outsideClients(): string[];
  /** The base keys under which messages of the client can be filed. */
  sourceKeys(key: string): string[];
  /**
   * Drafts one client. `messages` hold every message of the client (others'
   * are ignored), each id once, by time then id.
   */
  addClient(key: string, messages: readonly MailMessage[]): void;
  /** Fits the population on the clients added and reports each, highest risk first, and those set aside. */
  finish(): { clients: ClientReport[]; population: PopulationModel; setAside: SetAsideClient[] };
}

/** Throws SettingsError for bad settings, as analyzeAccount does. */
export function analyzeClientByClient(context: AccountContext): ClientByClientAnalysis {
  const settings = parseEngineSettings(context.settings);
  const clock = createBusinessClock(settings);
  const resolver = createClientResolver(context.overrides);
  const outside = new Map<string, ClientBucket>();
  addOutsideContact(outside, context, resolver, context.now);
  const outsideOrder = new Map([...outside.keys()].map((key, i) => [key, i]));
  const drafts = new Map<string, { draft: ClientDraft; seen: FirstSeen }>();
  const setAside: SetAsideClient[] = [];
  const firstSeen = (key: string, bucket: ClientBucket, messages: readonly MailMessage[]): FirstSeen => {
    const firstRow = bucket.mail.rows[0];
    const firstId = firstRow === undefined ? undefined : idOf(bucket.mail.columns, firstRow);
    const first = messages.find((m) => m.id === firstId);
    if (!first) return { outside: outsideOrder.get(key) ?? 0 };
    return { at: first.at, id: first.id, party: bucket.firstParty ?? 0 };
  };
  return {
    clientsOf: (base) => resolver.clientsOf(base),
    outsideClients: () => [...outside.keys()],
    sourceKeys: (key) => resolver.sourceKeys(key),
    addClient(key, messages) {
      const grouped = groupByClient(messages, context.identity, resolver, context.now);
      const mail = grouped.buckets.get(key);
      const events = outside.get(key);
      const bucket = mail ? { ...mail, events: events?.events ?? mail.events } : events;
      if (!bucket) {
        const senders = grouped.setAside.get(key);
        if (senders) setAside.push(setAsideClient(key, senders));
        return;
      }
      const draft = draftClient(bucket, resolver.override(key), clock, context.now);
      drafts.set(key, { draft, seen: firstSeen(key, bucket, messages) });
    },
    finish() {
      const all = [...drafts.values()].sort((a, b) => firstSeenFirst(a.seen, b.seen)).map(({ draft }) => draft);
      const population = fitPopulation(all, clock.localDay(context.now));
      const clients = all
        .map((draft) =>
          reportClient(draft, population, clock, settings, context.now, context.followUpStates, context.riskModel),
        )
        .sort(byRisk);
      return { clients, population, setAside: setAside.sort(bySetAsideOrder) };
    },
  };
}
