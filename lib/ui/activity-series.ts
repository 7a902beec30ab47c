// The side panel's 90-day chart: per week, messages each way and the median
// reply time each way, from the recent activity the engine kept with the
// client's report.
import { RECENT_ACTIVITY_DAYS, type RecentActivity, type RecentReply } from '@/lib/engine/recent-activity';

const WEEK = 7 * 86_400_000;
/** As many weeks as the report keeps: the engine's window is the chart's. */
const WEEKS = RECENT_ACTIVITY_DAYS / 7;

export interface ActivityWeek {
  start: number;
  /** Messages from the client, and from the user. */
  received: number;
  sent: number;
  /** Median time to answer within a thread, when anyone answered that week. */
  ourReplyMs?: number;
  theirReplyMs?: number;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Thirteen weeks ending now, oldest first. What happened after the report was
 * computed is not in it yet, as it is not in the report's figures.
 */
export function activitySeries(activity: RecentActivity, now: number): ActivityWeek[] {
  const from = now - WEEKS * WEEK;
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    start: from + i * WEEK,
    received: 0,
    sent: 0,
    ours: [] as number[],
    theirs: [] as number[],
  }));
  type Week = (typeof weeks)[number];
  const tally = <T>(items: readonly T[], timeOf: (item: T) => number, add: (week: Week, item: T) => void) => {
    for (const item of items) {
      const at = timeOf(item);
      const week = at <= now ? weeks[Math.floor((at - from) / WEEK)] : undefined;
      if (week) add(week, item);
    }
  };
  const time = (at: number) => at;
  const replyTime = (reply: RecentReply) => reply.at;
  tally(activity.receivedAt, time, (week) => week.received++);
  tally(activity.sentAt, time, (week) => week.sent++);
  tally(activity.ourReplies, replyTime, (week, reply) => week.ours.push(reply.wallMs));
  tally(activity.theirReplies, replyTime, (week, reply) => week.theirs.push(reply.wallMs));
  return weeks.map(({ ours, theirs, ...week }) => {
    const ourReplyMs = median(ours);
    const theirReplyMs = median(theirs);
    return {
      ...week,
      ...(ourReplyMs !== undefined && { ourReplyMs }),
      ...(theirReplyMs !== undefined && { theirReplyMs }),
    };
  });
}
