// Reply matching within a thread. The messages of a thread alternate in runs
// ("turns"); the reply time is measured from the *first* unanswered message of
// one side to the next message of the other side, because a follow-up sent
// while waiting does not restart the clock for the person who has to answer.
import type { BusinessClock } from './business-hours';
import type { ClientThreads } from './client-threads';
import type { Side } from './conversation';
import { addReply, type ReplySamples } from './reply-samples';
import { quantileSorted, sortPrefix } from './stats';

/**
 * Walks one thread of a client's threads (client-threads.ts), its messages at
 * from up to to in time order (see byTime), adding its replies to the
 * client's, and answers where the run still open at its end starts (-1 for
 * an empty thread).
 */
export function matchRepliesInto(
  runs: ClientThreads,
  from: number,
  to: number,
  clock: BusinessClock,
  samples: ReplySamples,
): number {
  if (from >= to) return -1;
  const { at, fromClient } = runs;
  let first = from;
  let firstAt = at[from] as number;
  for (let i = from + 1; i < to; i++) {
    if (fromClient[i] === fromClient[first]) continue;
    const repliedAt = at[i] as number;
    addReply(
      samples,
      fromClient[i] as number,
      repliedAt,
      repliedAt - firstAt,
      clock.businessMillisBetween(firstAt, repliedAt),
    );
    first = i;
    firstAt = repliedAt;
  }
  return first;
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
  samples: ReplySamples,
  by?: Side,
  after = Number.NEGATIVE_INFINITY,
  upTo = Number.POSITIVE_INFINITY,
): LatencyStats {
  const byClient = by === undefined ? -1 : by === 'in' ? 1 : 0;
  let count = 0;
  for (let i = 0; i < samples.count; i++) {
    const repliedAt = samples.repliedAt[i] as number;
    if ((byClient >= 0 && samples.byClient[i] !== byClient) || !(repliedAt > after) || repliedAt > upTo) continue;
    if (count === wallTimes.length) {
      wallTimes = grown(wallTimes);
      businessTimes = grown(businessTimes);
    }
    wallTimes[count] = samples.wallMs[i] as number;
    businessTimes[count] = samples.businessMs[i] as number;
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
