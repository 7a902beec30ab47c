// Whose turn it is, per thread and per client.
import type { ClientMessage } from './conversation';
import type { OpenTurn } from './latency';

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

/** The thread's subject: its first message's that is not blank. */
function subjectOf(thread: readonly ClientMessage[]): string {
  for (const m of thread) if (m.subject.trim() !== '') return m.subject;
  return '';
}

export function threadState(thread: readonly ClientMessage[], open: OpenTurn | undefined): ThreadState {
  const last = thread[thread.length - 1];
  const threadId = last?.threadId ?? '';
  const subject = subjectOf(thread);
  const lastAt = last?.at ?? 0;
  // Each shape in one literal, in the same key order, rather than a state grown by two keys after it
  // is made, which moves it through two more shapes: one state per thread of every client.
  if (!open) return { threadId, subject, messageCount: thread.length, lastAt, turn: 'none' };
  return {
    threadId,
    subject,
    messageCount: thread.length,
    lastAt,
    turn: open.side === 'in' ? 'us' : 'them',
    since: open.since,
    messageId: open.messageId,
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
