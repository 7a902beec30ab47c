// A client's whole history in the few numbers the dashboard counts by month:
// when the client was in touch, and every reply either way. Built from the
// same buckets, outside contact and reply matching as the client's report, so
// the dashboard's months and the report's figures never disagree on who is a
// client, what counts as their contact, or how long a reply took.

import type { AnalyzeAccountInput } from './analyze';
import { type BusinessClock, createBusinessClock } from './business-hours';
import { type ClientBucket, groupByClient } from './client-buckets';
import { threadsAndSamples } from './client-threads';
import type { Side } from './conversation';
import { inTimeOrder } from './message-columns';
import { addOutsideContact } from './outside-contact';
import { createClientResolver } from './overrides';
import { sideOf } from './reply-samples';
import { parseEngineSettings } from './settings';
import type { MailMessage } from './types';

export interface HistoryReply {
  /** "out": we answered the client; "in": the client answered us. */
  by: Side;
  /** When the reply was sent. */
  at: number;
  /** Wall-clock time since the first message it answers. */
  wallMs: number;
}

export interface ClientHistory {
  key: string;
  /**
   * When the client was in touch, ascending: their messages and the activities
   * the CRM recorded, the contact the chance of going quiet is about.
   */
  theirContactAt: number[];
  /** Every reply either way, as the report's reply times match them, by time. */
  replies: HistoryReply[];
}

export type HistoryContext = Omit<AnalyzeAccountInput, 'messages' | 'followUpStates'>;

export interface HistoryWalk {
  /** The clients the messages filed under a base key can count for. */
  clientsOf(base: string): string[];
  /** The base keys under which messages of the client can be filed. */
  sourceKeys(key: string): string[];
  /** The clients known outside mail (watched, or with CRM activities). */
  outsideClients(): string[];
  /** The client's history from every message of the client (others' are ignored); undefined when it is no client. */
  historyOf(key: string, messages: readonly MailMessage[]): ClientHistory | undefined;
}

function historyOfBucket(bucket: ClientBucket, clock: BusinessClock): ClientHistory {
  const { columns } = bucket.mail;
  const rows = inTimeOrder(bucket.mail);
  const contact = new Set(bucket.events);
  for (const row of rows) if (columns.fromClient[row] === 1) contact.add(columns.at[row] as number);
  const { samples } = threadsAndSamples(columns, rows, clock);
  const replies: HistoryReply[] = [];
  for (let i = 0; i < samples.count; i++) {
    replies.push({
      by: sideOf(samples.byClient[i]),
      at: samples.repliedAt[i] as number,
      wallMs: samples.wallMs[i] as number,
    });
  }
  return {
    key: bucket.key,
    theirContactAt: [...contact].sort((a, b) => a - b),
    replies: replies.sort((a, b) => a.at - b.at || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0)),
  };
}

/** Walks an account a client at a time, as the background's recompute does (see analyze-by-client.ts). */
export function historyWalk(context: HistoryContext): HistoryWalk {
  const resolver = createClientResolver(context.overrides);
  const clock = createBusinessClock(parseEngineSettings(context.settings));
  const outside = new Map<string, ClientBucket>();
  addOutsideContact(outside, context, resolver, context.now);
  return {
    clientsOf: (base) => resolver.clientsOf(base),
    sourceKeys: (key) => resolver.sourceKeys(key),
    outsideClients: () => [...outside.keys()],
    historyOf(key, messages) {
      const mail = groupByClient(messages, context.identity, resolver, context.now).buckets.get(key);
      const events = outside.get(key);
      const bucket = mail && events ? { ...mail, events: events.events } : (mail ?? events);
      return bucket && historyOfBucket(bucket, clock);
    },
  };
}

/** Every client's history from all of an account's messages at once (the command line, the tests). */
export function clientHistories(input: AnalyzeAccountInput): ClientHistory[] {
  const resolver = createClientResolver(input.overrides);
  const { buckets } = groupByClient(input.messages, input.identity, resolver, input.now);
  addOutsideContact(buckets, input, resolver, input.now);
  const clock = createBusinessClock(parseEngineSettings(input.settings));
  return [...buckets.values()].map((bucket) => historyOfBucket(bucket, clock)).sort((a, b) => (a.key < b.key ? -1 : 1));
}
