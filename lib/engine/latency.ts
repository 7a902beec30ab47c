// Reply matching within a thread. The messages of a thread alternate in runs
// ("turns"); the reply time is measured from the *first* unanswered message of
// one side to the next message of the other side, because a follow-up sent
// while waiting does not restart the clock for the person who has to answer.
import type { BusinessClock } from './business-hours';
import type { ClientMessage, Side } from './conversation';
import { quantileSorted, sortPrefix } from './stats';

export interface ReplySample {
  /** Who replied: "out" = we answered the client, "in" = the client answered us. */
  by: Side;
  threadId: string;
  askedAt: number;
  repliedAt: number;
  wallMs: number;
  businessMs: number;
}

export interface OpenTurn {
  /** Side whose message is still unanswered. */
  side: Side;
  /** Time of the first unanswered message of that side. */
  since: number;
  messageId: string;
  /** Unanswered messages in the run (a client writing three times while waiting counts 3). */
  count: number;
}

/**
 * Walks one thread's messages, already in time order (see byTime), adding its
 * reply samples to a list the caller keeps (a client's threads share one list
 * rather than each making its own), and returns the run still open at its end.
 */
export function matchRepliesInto(
  thread: readonly ClientMessage[],
  clock: BusinessClock,
  samples: ReplySample[],
): OpenTurn | undefined {
  // The open run in plain variables, made an object once at the end: a run opens at nearly every message.
  let first: ClientMessage | undefined;
  let count = 0;
  for (const m of thread) {
    if (first === undefined) {
      first = m;
      count = 1;
    } else if (first.side === m.side) {
      count += 1;
    } else {
      samples.push({
        by: m.side,
        threadId: m.threadId,
        askedAt: first.at,
        repliedAt: m.at,
        wallMs: m.at - first.at,
        businessMs: clock.businessMillisBetween(first.at, m.at),
      });
      first = m;
      count = 1;
    }
  }
  if (first === undefined) return undefined;
  return { side: first.side, since: first.at, messageId: first.id, count };
}

export interface LatencyStats {
  count: number;
  medianMs?: number;
  p90Ms?: number;
  medianBusinessMs?: number;
  p90BusinessMs?: number;
}

export interface Latency {
  /** How fast we answer the client. */
  ours: LatencyStats;
  /** How fast the client answers us. */
  theirs: LatencyStats;
}

// The reply times a figure is read from, in buffers reused by every figure of
// every client (grown when a client has more replies) rather than two new
// lists and their sorted copies for each of a client's four figures.
let wallTimes: Float64Array = new Float64Array(256);
let businessTimes: Float64Array = new Float64Array(256);

/**
 * The figures of the replies by one side (both when `by` is undefined) made
 * after `after` and at or before `upTo`, picked from a client's replies
 * rather than from a filtered copy of them.
 */
export function latencyStats(
  samples: readonly ReplySample[],
  by?: Side,
  after = Number.NEGATIVE_INFINITY,
  upTo = Number.POSITIVE_INFINITY,
): LatencyStats {
  let count = 0;
  for (const s of samples) {
    if ((by !== undefined && s.by !== by) || !(s.repliedAt > after) || s.repliedAt > upTo) continue;
    if (count === wallTimes.length) {
      wallTimes = grown(wallTimes);
      businessTimes = grown(businessTimes);
    }
    wallTimes[count] = s.wallMs;
    businessTimes[count] = s.businessMs;
    count += 1;
  }
  sortPrefix(wallTimes, count);
  sortPrefix(businessTimes, count);
  return {
    count,
    medianMs: quantileSorted(wallTimes, 0.5, count),
    p90Ms: quantileSorted(wallTimes, 0.9, count),
    medianBusinessMs: quantileSorted(businessTimes, 0.5, count),
    p90BusinessMs: quantileSorted(businessTimes, 0.9, count),
  };
}

function grown(buffer: Float64Array): Float64Array {
  const larger = new Float64Array(buffer.length * 2);
  larger.set(buffer);
  return larger;
}
