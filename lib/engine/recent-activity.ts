// The last weeks of a client's mail, kept with its report so that the side
// panel's chart reads none of the messages (a large client has thousands in a
// quarter): when each side wrote, and each reply as the engine matched it, so
// the chart's reply times are the ones the report's reasons are built on.
import { DAY } from './business-hours';
import type { ClientMessage } from './conversation';
import type { ReplySample } from './latency';

/** The side panel's 13 weeks, which end at any moment from the report's time until the next recompute. */
export const RECENT_ACTIVITY_DAYS = 91;

export interface RecentReply {
  at: number;
  /** Wall-clock time since the first message it answers. */
  wallMs: number;
}

export interface RecentActivity {
  /** When the client wrote, and when we wrote to the client, ascending. */
  receivedAt: number[];
  sentAt: number[];
  /** Our replies to the client, and the client's to us, ascending by time. */
  ourReplies: RecentReply[];
  theirReplies: RecentReply[];
}

/** One side's replies between `from` and `now`, ascending. */
function repliesBy(samples: readonly ReplySample[], by: ReplySample['by'], from: number, now: number): RecentReply[] {
  return samples
    .filter((s) => s.by === by && s.repliedAt >= from && s.repliedAt <= now)
    .map((s) => ({ at: s.repliedAt, wallMs: s.wallMs }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** `messages` in time order (byTime); `samples` from matchRepliesInto over the same messages. */
export function recentActivity(
  messages: readonly ClientMessage[],
  samples: readonly ReplySample[],
  now: number,
): RecentActivity {
  const from = now - RECENT_ACTIVITY_DAYS * DAY;
  const recent = messages.filter((m) => m.at >= from && m.at <= now);
  return {
    receivedAt: recent.filter((m) => m.side === 'in').map((m) => m.at),
    sentAt: recent.filter((m) => m.side === 'out').map((m) => m.at),
    ourReplies: repliesBy(samples, 'out', from, now),
    theirReplies: repliesBy(samples, 'in', from, now),
  };
}
