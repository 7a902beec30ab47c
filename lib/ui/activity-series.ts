// The side panel's 90-day chart: per week, messages each way and the median
// reply time each way, from the client's stored messages.

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const CHART_DAYS = 91;
const WEEKS = CHART_DAYS / 7;

export interface ActivityWeek {
  start: number;
  /** Messages from the client, and from the user. */
  received: number;
  sent: number;
  /** Median time to answer within a thread, when anyone answered that week. */
  ourReplyMs?: number;
  theirReplyMs?: number;
}

interface SeriesMessage {
  threadId: string;
  at: number;
  from: { email: string };
  senderKnown?: boolean;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Thirteen weeks ending now, oldest first. `mine` are the user's own addresses (lower-cased). */
export function activitySeries(
  messages: readonly SeriesMessage[],
  mine: ReadonlySet<string>,
  now: number,
): ActivityWeek[] {
  const from = now - WEEKS * WEEK;
  const weekOf = (at: number) => Math.floor((at - from) / WEEK);
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    start: from + i * WEEK,
    received: 0,
    sent: 0,
    ours: [] as number[],
    theirs: [] as number[],
  }));
  const threads = new Map<string, SeriesMessage[]>();
  for (const m of messages) {
    if (m.senderKnown === false) continue;
    const list = threads.get(m.threadId) ?? [];
    list.push(m);
    threads.set(m.threadId, list);
  }
  for (const list of threads.values()) {
    list.sort((a, b) => a.at - b.at);
    let previous: { at: number; ours: boolean } | undefined;
    for (const m of list) {
      const ours = mine.has(m.from.email.toLowerCase());
      const week = weeks[weekOf(m.at)];
      if (week && m.at <= now) {
        if (ours) week.sent++;
        else week.received++;
        // A reply is the first message of the other side after one of ours, or theirs.
        if (previous && previous.ours !== ours) (ours ? week.ours : week.theirs).push(m.at - previous.at);
      }
      if (!previous || previous.ours !== ours) previous = { at: m.at, ours };
    }
  }
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
