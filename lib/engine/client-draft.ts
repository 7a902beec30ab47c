// What one client's messages say on their own, before the account's population
// is known. A draft keeps no message: the account-wide model is fitted on the
// drafts, so a caller can read one client's messages at a time.
import { type BusinessClock, DAY } from './business-hours';
import type { ClientBucket } from './client-buckets';
import { isPersonKey } from './client-identity';
import { type ClientThreads, lastOutByThreadId, threadStarts, threadsAndSamples } from './client-threads';
import { type CueSource, detectCues, mayHoldCues } from './cues';
import { latencyStats } from './latency';
import { idOf, inTimeOrder, type MessageColumns, snippetOf, subjectOf, threadIdOf } from './message-columns';
import type { ClientOverride } from './overrides';
import { recentActivity } from './recent-activity';
import type { ReplySamples } from './reply-samples';
import type { ClientMetrics, ClientReport } from './report-types';
import { messageTrend } from './trend';
import { summarizeWaiting } from './waiting';

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

function answeredCues(columns: MessageColumns, inbound: readonly number[], runs: ClientThreads, now: number) {
  // Objects only for their messages recent enough to weigh, the few cues are read from.
  const recent: CueSource[] = [];
  for (const row of inbound) {
    const at = columns.at[row] as number;
    if (!mayHoldCues(at, now)) continue;
    recent.push({
      id: idOf(columns, row),
      threadId: threadIdOf(columns, row),
      at,
      subject: subjectOf(columns, row),
      snippet: snippetOf(columns, row),
    });
  }
  const hits = detectCues(recent, now);
  if (hits.length === 0) return [];
  const lastOut = lastOutByThreadId(columns, runs);
  return hits.map((hit) => ({ ...hit, answered: (lastOut.get(hit.threadId) ?? Number.NEGATIVE_INFINITY) > hit.at }));
}

/** The business time of each of our replies, in the order matched. */
function ourBusinessMs(samples: ReplySamples): number[] {
  const ours: number[] = [];
  for (let i = 0; i < samples.count; i++) if (samples.byClient[i] === 0) ours.push(samples.businessMs[i] as number);
  return ours;
}

function contactDaysOf(bucket: ClientBucket, inboundAt: readonly number[], clock: BusinessClock): number[] {
  if (bucket.events.length === 0) {
    // In time order, their messages' local days come ascending: each new one is kept, without a set or a sort.
    const days: number[] = [];
    for (const at of inboundAt) {
      const day = clock.localDay(at);
      if (day !== days[days.length - 1]) days.push(day);
    }
    return days;
  }
  const days = new Set<number>();
  // An activity outside mail is a day of contact like a message from them: cadence and P(alive) see it.
  for (const at of bucket.events) days.add(clock.localDay(at));
  for (const at of inboundAt) days.add(clock.localDay(at));
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
  const { columns } = bucket.mail;
  const rows = inTimeOrder(bucket.mail);
  // Their rows and their times, ours only counted: the rows stay in the shared columns.
  const inbound: number[] = [];
  const inboundAt: number[] = [];
  let lastOutboundAt: number | undefined;
  for (const row of rows) {
    if (columns.fromClient[row] === 1) {
      inbound.push(row);
      inboundAt.push(columns.at[row] as number);
    } else lastOutboundAt = columns.at[row] as number;
  }
  const { samples, threads, runs } = threadsAndSamples(columns, rows, clock);
  const lastInboundAt = inboundAt.at(-1);
  const starts = threadStarts(runs);
  const firstRow = rows[0];
  const firstSeenAt = Math.min(
    firstRow === undefined ? now : (columns.at[firstRow] as number),
    bucket.events[0] ?? now,
  );
  const recentSince = now - RECENT;
  const waiting = summarizeWaiting(threads, lastInboundAt, lastOutboundAt);
  const metrics: DraftMetrics = {
    firstSeenAt,
    inbound: inbound.length,
    outbound: rows.length - inbound.length,
    latency: { ours: latencyStats(samples, 'out'), theirs: latencyStats(samples, 'in') },
    recentOurLatency: latencyStats(samples, 'out', recentSince),
    earlierOurLatency: latencyStats(samples, 'out', Number.NEGATIVE_INFINITY, recentSince),
    waiting,
    trend: messageTrend(inboundAt, now),
    cues: answeredCues(columns, inbound, runs, now),
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
    activity: recentActivity(columns, rows, samples, now),
    override,
    metrics,
    contactDays: contactDaysOf(bucket, inboundAt, clock),
    ourReplyBusinessMs: ourBusinessMs(samples),
  };
}
