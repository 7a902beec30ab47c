// Reply matching within a thread. The messages of a thread alternate in runs
// ("turns"); the reply time is measured from the *first* unanswered message of
// one side to the next message of the other side, because a follow-up sent
// while waiting does not restart the clock for the person who has to answer.
import type { BusinessClock } from './business-hours';
import type { ClientMessage, Side } from './conversation';
import { spread } from './stats';

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

export function latencyStats(samples: readonly ReplySample[]): LatencyStats {
  const wall = spread(samples.map((s) => s.wallMs));
  const business = spread(samples.map((s) => s.businessMs));
  return {
    count: samples.length,
    medianMs: wall.median,
    p90Ms: wall.p90,
    medianBusinessMs: business.median,
    p90BusinessMs: business.p90,
  };
}
