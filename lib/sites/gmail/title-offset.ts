import type { ThreadRowRecord } from './records';

// A row's date title is written in the user's Gmail time-zone setting, with no
// offset, and that zone need not be the browser's (on a real 2025 inbox every
// title, winter rows included, was at UTC−4). The rows themselves tell the
// offset: where the newest message of a thread is the one the title dates, the
// title is the id's exact time, cut to the minute, in that zone. Rows where the
// user wrote last date an older message and differ by anything; so only a
// clear majority of rows agreeing on one offset is taken as the page's.

const MINUTE = 60_000;
/** Gmail's id time is within a fraction of a second of the message's date. */
const TOLERANCE_MS = 1000;
/** A page's offset needs this many rows behind it, and two in three of the rows that fit any offset. */
const MIN_VOTES = 3;

/**
 * The offsets from UTC (minutes) that time zones use today, standard and
 * summer time: every whole hour from −12 to +14, and the half- and
 * quarter-hour ones (Marquesas, Newfoundland, Iran, Afghanistan, India, Nepal,
 * Myanmar, Eucla, central Australia, Lord Howe, Chatham). Keeping to these,
 * rather than any multiple of 15 minutes, makes a reply that happens to come
 * a round quarter-hour after the dated message far less likely to pass for a
 * zone.
 */
const ZONE_OFFSETS = new Set([
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -570,
  -210,
  -150,
  210,
  270,
  330,
  345,
  390,
  525,
  570,
  630,
  765,
  825,
]);

/**
 * The zone offset under which a title (its wall-clock time read as if it were
 * UTC) is exactly the id's time cut to the minute, or undefined when no zone's
 * offset makes them one message.
 */
export function offsetMatching(idAt: number, wallAt: number): number | undefined {
  const difference = wallAt - idAt;
  const offset = Math.round(difference / (15 * MINUTE)) * 15;
  const residual = difference - offset * MINUTE;
  // Cutting to the minute makes the title up to a minute earlier than the exact time, never later.
  if (residual > TOLERANCE_MS || residual <= -MINUTE - TOLERANCE_MS) return undefined;
  return ZONE_OFFSETS.has(offset) ? offset : undefined;
}

export interface OffsetVotes {
  /** Rows per offset, for the rows whose title and id fit one. */
  votes: Map<number, number>;
  /** The rows that fit an offset, by the time of their newest message. */
  points: { at: number; offset: number }[];
  /** The offset a clear majority of rows agree on. */
  majority?: number;
}

/** The offset a batch's titles are read in. */
export interface TitleOffset {
  minutes: number;
  /**
   * Set when rows of the batch fit other offsets too (a zone's summer time on
   * older rows, or a reply that came a round hour later): the batch's fitting
   * rows by time, so that a title is read only where the rows around its time
   * fit `minutes`.
   */
  mixed?: readonly { at: number; offset: number }[];
}

/** Reads a title's wall-clock time as if it were UTC; undefined when it fits no known format. */
export type ReadTitleWall = (title: string) => number | undefined;

/** How the rows of one batch vote for the offset their titles are written in. */
export function voteOffsets(rows: readonly ThreadRowRecord[], readWall: ReadTitleWall): OffsetVotes {
  const votes = new Map<number, number>();
  const points: OffsetVotes['points'] = [];
  for (const row of rows) {
    if (row.timeSource !== 'id' || row.lastActivityAt === undefined || !row.dateTitle) continue;
    const wall = readWall(row.dateTitle);
    const offset = wall === undefined ? undefined : offsetMatching(row.lastActivityAt, wall);
    if (offset === undefined) continue;
    votes.set(offset, (votes.get(offset) ?? 0) + 1);
    points.push({ at: row.lastActivityAt, offset });
  }
  points.sort((a, b) => a.at - b.at);
  let total = 0;
  let best: [number, number] | undefined;
  for (const entry of votes) {
    total += entry[1];
    if (!best || entry[1] > best[1]) best = entry;
  }
  const clear = best && best[1] >= MIN_VOTES && best[1] * 3 >= total * 2;
  return clear && best ? { votes, points, majority: best[0] } : { votes, points };
}

/**
 * The offset to read this batch's titles in: its own clear majority, else the
 * one stored for the account, if no row of the batch points at another (a
 * batch of one changed row cannot show a majority). Undefined when neither is
 * certain: then nothing is inferred from titles.
 */
export function chooseOffset(batch: OffsetVotes, stored: number | undefined): TitleOffset | undefined {
  if (batch.majority !== undefined) {
    const unanimous = batch.votes.size === 1;
    return unanimous ? { minutes: batch.majority } : { minutes: batch.majority, mixed: batch.points };
  }
  if (stored === undefined) return undefined;
  for (const offset of batch.votes.keys()) if (offset !== stored) return undefined;
  return { minutes: stored };
}

/** Whether the rows nearest a time on both sides fit the offset: then a title dating that time is read in it. */
export function offsetHoldsAt(offset: TitleOffset, at: number): boolean {
  if (!offset.mixed) return true;
  let before: number | undefined;
  let after: number | undefined;
  for (const point of offset.mixed) {
    if (point.at <= at) before = point.offset;
    else {
      after = point.offset;
      break;
    }
  }
  return before === offset.minutes && after === offset.minutes;
}
