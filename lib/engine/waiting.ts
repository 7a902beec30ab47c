// Whose turn it is, per thread and per client.

import type { ClientThreads } from './client-threads';
import { idOf, type MessageColumns, subjectOf } from './message-columns';

export type Turn = 'us' | 'them' | 'none';

export interface ThreadState {
  threadId: string;
  subject: string;
  messageCount: number;
  lastAt: number;
  /** "us": the client's last message is unanswered; "them": ours is. */
  turn: Turn;
  /** First unanswered message of the side that is waiting. */
  since?: number;
  messageId?: string;
}

/** The thread's subject: its first message's that is not blank, as the grouping told them. */
function threadSubject(columns: MessageColumns, order: Int32Array, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const row = order[i] as number;
    if (columns.blankSubject[row] === 0) return subjectOf(columns, row);
  }
  return '';
}

/**
 * The state of one thread of a client's threads (client-threads.ts): its
 * messages at from up to to, the run still open at its end starting at `open`
 * (-1 for none).
 */
export function threadState(
  columns: MessageColumns,
  runs: ClientThreads,
  from: number,
  to: number,
  threadId: string,
  open: number,
): ThreadState {
  const subject = threadSubject(columns, runs.order, from, to);
  const lastAt = to > from ? (runs.at[to - 1] as number) : 0;
  const messageCount = to - from;
  // Each shape in one literal, in the same key order, rather than a state grown by two keys after it
  // is made, which moves it through two more shapes: one state per thread of every client.
  if (open < 0) return { threadId, subject, messageCount, lastAt, turn: 'none' };
  return {
    threadId,
    subject,
    messageCount,
    lastAt,
    turn: runs.fromClient[open] === 1 ? 'us' : 'them',
    since: runs.at[open] as number,
    messageId: idOf(columns, runs.order[open] as number),
  };
}

export interface WaitingSide {
  /** Oldest unanswered message among the waiting threads. */
  since: number;
  threadId: string;
  messageId: string;
  threads: number;
}

export interface Waiting {
  onUs?: WaitingSide;
  onThem?: WaitingSide;
}

/** The oldest of the threads waiting on one side, and how many wait there. */
function pick(list: ThreadState[]): WaitingSide | undefined {
  let oldest: ThreadState | undefined;
  for (const t of list) if (oldest === undefined || (t.since ?? 0) < (oldest.since ?? 0)) oldest = t;
  if (!oldest || oldest.since === undefined || oldest.messageId === undefined) return undefined;
  return { since: oldest.since, threadId: oldest.threadId, messageId: oldest.messageId, threads: list.length };
}

/**
 * Waiting on us: threads whose turn is ours *and* we have not written to the
 * client anywhere since — a thread that ended on their "thanks" while we went
 * on working with them in another thread is not a client waiting. Waiting on
 * them, symmetrically: threads whose turn is theirs and the client has not
 * written anywhere since — a client who answered in another thread has not
 * stopped replying.
 */
export function summarizeWaiting(
  threads: readonly ThreadState[],
  lastInboundAt: number | undefined,
  lastOutboundAt?: number,
): Waiting {
  const onUs = pick(threads.filter((t) => t.turn === 'us' && (t.since ?? 0) > (lastOutboundAt ?? -Infinity)));
  const onThem = pick(threads.filter((t) => t.turn === 'them' && (t.since ?? 0) > (lastInboundAt ?? -Infinity)));
  return { ...(onUs && { onUs }), ...(onThem && { onThem }) };
}
