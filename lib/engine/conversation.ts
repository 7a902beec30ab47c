// One client's messages as the engine sees them, and the ordering every
// per-thread computation relies on.

export type Side = 'in' | 'out';

export interface ClientMessage {
  id: string;
  threadId: string;
  /** The thread's number in the grouping the message came from (thread-numbers.ts); one per threadId. */
  thread: number;
  at: number;
  /** "in": from the client; "out": from our side to the client. */
  side: Side;
  subject: string;
  snippet: string;
}

/**
 * Time order, ties broken by id, so identical timestamps (batch imports,
 * second-rounded headers) give the same answer on every run. Answers -1, 0 or
 * 1 rather than the difference of the times: a difference of epoch
 * milliseconds is too large for a small integer, so each answer would be a
 * new number on the heap, and a recompute compares millions of times.
 */
export function byTime(a: Pick<ClientMessage, 'at' | 'id'>, b: Pick<ClientMessage, 'at' | 'id'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
