// What one client's messages say on their own, before the account's population
// is known. A draft keeps no message: the account-wide model is fitted on the
// drafts, so a caller can read one client's messages at a time.
import { type BusinessClock, DAY } from './business-hours';
import type { ClientBucket } from './client-buckets';
import { isPersonKey } from './client-identity';
import { byTime, type ClientMessage } from './conversation';
import { detectCues } from './cues';
import { latencyStats, matchRepliesInto, type ReplySample } from './latency';
import type { ClientOverride } from './overrides';
import { recentActivity } from './recent-activity';
import type { ClientMetrics, ClientReport } from './report-types';
import { messageTrend } from './trend';
import { summarizeWaiting, type ThreadState, threadState } from './waiting';

const ONBOARDING_DAYS = 90;
const RECENT = 30 * DAY;

/** The metrics that compare the client with the account's population are left for the report. */
export type DraftMetrics = Omit<ClientMetrics, 'cadence' | 'bgnbd'>;

export interface ClientDraft
  extends Pick<ClientReport, 'key' | 'displayName' | 'kind' | 'addresses' | 'threads' | 'activity'> {
  override: ClientOverride;
  metrics: DraftMetrics;
  /** Local day numbers of contact (their messages and activities outside mail), ascending. */
  contactDays: number[];
  /** Working time of each of our replies to this client: the account's usual reply time is fitted on them. */
  ourReplyBusinessMs: number[];
}

/** Each thread's state and every reply matched in it; the dashboard's reply times come from here too. */
export function threadsAndSamples(messages: readonly ClientMessage[], clock: BusinessClock) {
  // By the thread's number (client-buckets.ts), not its id: a small integer is a cheaper key.
  const byThread = new Map<number, ClientMessage[]>();
  for (const m of messages) {
    const list = byThread.get(m.thread);
    if (list) list.push(m);
    else byThread.set(m.thread, [m]);
  }
  const samples: ReplySample[] = [];
  const threads: ThreadState[] = [];
  for (const thread of byThread.values()) {
    threads.push(threadState(thread, matchRepliesInto(thread, clock, samples)));
  }
  // -1 or 1, not the difference of the times, which would be a new heap number at every comparison (see byTime).
  threads.sort((a, b) => (a.lastAt !== b.lastAt ? (a.lastAt > b.lastAt ? -1 : 1) : a.threadId < b.threadId ? -1 : 1));
  return { samples, threads, byThread };
}

/**
 * Who started the client's threads (each thread's first message, its messages
 * in time order): how many each side, and the start of the latest one of ours.
 */
function threadStarts(byThread: ReadonlyMap<number, readonly ClientMessage[]>) {
  let byThem = 0;
  let byUs = 0;
  let lastByUsAt: number | undefined;
  for (const [first] of byThread.values()) {
    if (!first) continue;
    if (first.side === 'in') byThem++;
    else {
      byUs++;
      if (lastByUsAt === undefined || first.at > lastByUsAt) lastByUsAt = first.at;
    }
  }
  return { byThem, byUs, lastByUsAt };
}

/** When we last wrote in each thread, by thread id: a cue is answered by our message after it. */
function lastOutByThreadId(byThread: ReadonlyMap<number, readonly ClientMessage[]>): Map<string, number> {
  const lastOut = new Map<string, number>();
  for (const thread of byThread.values()) {
    const last = thread.findLast((m) => m.side === 'out');
    if (last) lastOut.set(last.threadId, last.at);
  }
  return lastOut;
}

function answeredCues(
  inbound: readonly ClientMessage[],
  byThread: ReadonlyMap<number, readonly ClientMessage[]>,
  now: number,
) {
  const hits = detectCues(inbound, now);
  if (hits.length === 0) return [];
  const lastOut = lastOutByThreadId(byThread);
  return hits.map((hit) => ({ ...hit, answered: (lastOut.get(hit.threadId) ?? Number.NEGATIVE_INFINITY) > hit.at }));
}

/**
 * The messages in time order: a sorted copy, or the list itself when it is
 * already, as messages read from storage by time usually are. Only read, never changed.
 */
function inTimeOrder(messages: readonly ClientMessage[]): readonly ClientMessage[] {
  for (let i = 1; i < messages.length; i++) {
    if (byTime(messages[i - 1] as ClientMessage, messages[i] as ClientMessage) > 0) return [...messages].sort(byTime);
  }
  return messages;
}

/** The business time of each of our replies, in the order matched. */
function ourBusinessMs(samples: readonly ReplySample[]): number[] {
  const ours: number[] = [];
  for (const s of samples) if (s.by === 'out') ours.push(s.businessMs);
  return ours;
}

function contactDaysOf(bucket: ClientBucket, inbound: readonly ClientMessage[], clock: BusinessClock): number[] {
  if (bucket.events.length === 0) {
    // In time order, their messages' local days come ascending: each new one is kept, without a set or a sort.
    const days: number[] = [];
    for (const m of inbound) {
      const day = clock.localDay(m.at);
      if (day !== days[days.length - 1]) days.push(day);
    }
    return days;
  }
  const days = new Set<number>();
  // An activity outside mail is a day of contact like a message from them: cadence and P(alive) see it.
  for (const at of bucket.events) days.add(clock.localDay(at));
  for (const m of inbound) days.add(clock.localDay(m.at));
  return [...days].sort((a, b) => a - b);
}

function displayName(bucket: ClientBucket, override: ClientOverride): string {
  if (override.name) return override.name;
  if (!isPersonKey(bucket.key)) return bucket.key;
  return bucket.addresses.get(bucket.key)?.name || bucket.key;
}

/** Drafts one client from its bucket (see client-buckets.ts), with its outside contact already added. */
export function draftClient(
  bucket: ClientBucket,
  override: ClientOverride,
  clock: BusinessClock,
  now: number,
): ClientDraft {
  const messages = inTimeOrder(bucket.messages);
  const inbound = messages.filter((m) => m.side === 'in');
  const { samples, threads, byThread } = threadsAndSamples(messages, clock);
  const lastInboundAt = inbound.at(-1)?.at;
  const lastOutboundAt = messages.findLast((m) => m.side === 'out')?.at;
  const starts = threadStarts(byThread);
  const firstSeenAt = Math.min(messages[0]?.at ?? now, bucket.events[0] ?? now);
  const recentSince = now - RECENT;
  const waiting = summarizeWaiting(threads, lastInboundAt, lastOutboundAt);
  const metrics: DraftMetrics = {
    firstSeenAt,
    inbound: inbound.length,
    outbound: messages.length - inbound.length,
    latency: { ours: latencyStats(samples, 'out'), theirs: latencyStats(samples, 'in') },
    recentOurLatency: latencyStats(samples, 'out', recentSince),
    earlierOurLatency: latencyStats(samples, 'out', Number.NEGATIVE_INFINITY, recentSince),
    waiting,
    trend: messageTrend(
      inbound.map((m) => m.at),
      now,
    ),
    cues: answeredCues(inbound, byThread, now),
    threadsTheyStarted: starts.byThem,
    threadsWeStarted: starts.byUs,
    onboarding: {
      active: now - firstSeenAt <= ONBOARDING_DAYS * DAY,
      daysSinceFirstSeen: Math.floor((now - firstSeenAt) / DAY),
    },
  };
  if (lastInboundAt !== undefined) metrics.lastInboundAt = lastInboundAt;
  if (lastOutboundAt !== undefined) metrics.lastOutboundAt = lastOutboundAt;
  if (starts.lastByUsAt !== undefined) metrics.lastStartedByUsAt = starts.lastByUsAt;
  if (waiting.onUs) metrics.waitingOnUsBusinessMs = clock.businessMillisBetween(waiting.onUs.since, now);
  if (override.quietUntil !== undefined) metrics.quietUntil = override.quietUntil;
  const lastEventAt = bucket.events.at(-1);
  if (lastEventAt !== undefined) metrics.outsideContact = { count: bucket.events.length, lastAt: lastEventAt };
  return {
    key: bucket.key,
    displayName: displayName(bucket, override),
    kind: isPersonKey(bucket.key) ? 'person' : 'org',
    addresses: [...bucket.addresses.keys()].sort(),
    threads,
    activity: recentActivity(messages, samples, now),
    override,
    metrics,
    contactDays: contactDaysOf(bucket, inbound, clock),
    ourReplyBusinessMs: ourBusinessMs(samples),
  };
}
