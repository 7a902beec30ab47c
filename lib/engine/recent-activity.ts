// The last weeks of a client's mail, kept with its report so that the side
// panel's chart reads none of the messages (a large client has thousands in a
// quarter): when each side wrote, and each reply as the engine matched it, so
// the chart's reply times are the ones the report's reasons are built on.
import { DAY } from './business-hours';
import type { MessageColumns } from './message-columns';
import type { ReplySamples } from './reply-samples';

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
function repliesBy(samples: ReplySamples, byClient: number, from: number, now: number): RecentReply[] {
  const replies: RecentReply[] = [];
  for (let i = 0; i < samples.count; i++) {
    const at = samples.repliedAt[i] as number;
    if (samples.byClient[i] !== byClient || !(at >= from && at <= now)) continue;
    replies.push({ at, wallMs: samples.wallMs[i] as number });
  }
  return replies.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** `rows` of the client's messages in time order (byTime); `samples` from matchRepliesInto over the same messages. */
export function recentActivity(
  columns: MessageColumns,
  rows: readonly number[],
  samples: ReplySamples,
  now: number,
): RecentActivity {
  const from = now - RECENT_ACTIVITY_DAYS * DAY;
  const receivedAt: number[] = [];
  const sentAt: number[] = [];
  for (const row of rows) {
    const at = columns.at[row] as number;
    if (!(at >= from && at <= now)) continue;
    if (columns.fromClient[row] === 1) receivedAt.push(at);
    else sentAt.push(at);
  }
  return {
    receivedAt,
    sentAt,
    ourReplies: repliesBy(samples, 0, from, now),
    theirReplies: repliesBy(samples, 1, from, now),
  };
}
