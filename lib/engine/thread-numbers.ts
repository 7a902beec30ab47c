// Each message's thread as a number, given once when a mailbox is grouped, so
// that the passes after it (who corresponds with whom, each client's threads)
// group by a small integer instead of looking thread ids up in a map again.
import { idNumbers } from './distinct-ids';
import type { MailMessage } from './types';

export interface ThreadNumbers {
  /** Each message's thread, numbered from 0 in the order threads first appear. */
  of: Int32Array;
  count: number;
  /** Each thread's id, by its number. */
  ids: string[];
}

/** A message without a thread id is a thread of its own, as everywhere else in the engine. */
export function numberThreads(messages: readonly MailMessage[]): ThreadNumbers {
  // A table sized once for the mailbox (distinct-ids.ts) rather than a map of tens of thousands of thread ids grown as it fills.
  const numberOf = idNumbers(messages.length);
  const of = new Int32Array(messages.length);
  const ids: string[] = [];
  let count = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as MailMessage;
    const id = message.threadId || message.id;
    const thread = numberOf(id);
    if (thread === count) {
      count += 1;
      ids.push(id);
    }
    of[i] = thread;
  }
  return { of, count, ids };
}

export interface ThreadRuns {
  /** Message indices, each thread's together in their input order, threads in number order. */
  order: Int32Array;
  /** Thread t's messages are order[start[t]] up to order[start[t + 1]]. */
  start: Int32Array;
}

/** Each thread's messages side by side in one array (a counting sort), leaving out those `skip` says to. */
export function threadRuns(threads: ThreadNumbers, skip: (index: number) => boolean): ThreadRuns {
  const start = new Int32Array(threads.count + 1);
  for (let i = 0; i < threads.of.length; i++) {
    const after = (threads.of[i] as number) + 1;
    if (!skip(i)) start[after] = (start[after] as number) + 1;
  }
  for (let t = 0; t < threads.count; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
  const next = start.slice(0, threads.count);
  const order = new Int32Array(start[threads.count] as number);
  for (let i = 0; i < threads.of.length; i++) {
    if (skip(i)) continue;
    const thread = threads.of[i] as number;
    const place = next[thread] as number;
    order[place] = i;
    next[thread] = place + 1;
  }
  return { order, start };
}
