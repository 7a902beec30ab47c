// A client's threads: its rows (message-columns.ts) put side by side thread by
// thread, each thread's state, and every reply matched in it. The dashboard's
// reply times come from here too.
import type { BusinessClock } from './business-hours';
import { matchRepliesInto } from './latency';
import { type MessageColumns, threadIdOf } from './message-columns';
import { replySamples } from './reply-samples';
import { type ThreadState, threadState } from './waiting';

/**
 * A client's rows put thread by thread, with each row's time and side beside
 * it, so that a thread is read in order from small arrays rather than from
 * the mailbox-wide columns, where one client's rows lie far apart.
 */
export interface ClientThreads {
  /** The client's rows, each thread's together in time order, threads in the order they first appear. */
  order: Int32Array;
  /** The time and side (1: from the client) of order[i], at i. */
  at: Float64Array;
  fromClient: Uint8Array;
  /** Thread t's rows are order[start[t]] up to order[start[t + 1]]. */
  start: Int32Array;
  count: number;
}

// Buffers every client's threads are laid out in, grown when a client has more messages, rather than five
// typed arrays for each of thousands of clients. A layout is read until the next is made, never kept.
let placeOf = new Int32Array(1024);
let placeOfRow = new Int32Array(256);
let numberOfPlace = new Int32Array(256);
let next = new Int32Array(256);
const laid: ClientThreads = {
  order: new Int32Array(256),
  at: new Float64Array(256),
  fromClient: new Uint8Array(256),
  start: new Int32Array(257),
  count: 0,
};

function makeRoom(columns: MessageColumns, size: number): void {
  // Each thread number's place among one client's threads, plus one (0: not met yet); cleared after each client.
  const threads = columns.threadIds.length;
  if (placeOf.length < threads) placeOf = new Int32Array(Math.max(threads, placeOf.length * 2));
  if (placeOfRow.length >= size) return;
  const room = Math.max(size, placeOfRow.length * 2);
  placeOfRow = new Int32Array(room);
  numberOfPlace = new Int32Array(room);
  next = new Int32Array(room);
  laid.order = new Int32Array(room);
  laid.at = new Float64Array(room);
  laid.fromClient = new Uint8Array(room);
  laid.start = new Int32Array(room + 1);
}

/**
 * The rows, in time order, put thread by thread (a counting sort), keeping
 * time order within each thread. The layout is valid until the next call.
 */
export function layClientThreads(columns: MessageColumns, rows: readonly number[]): ClientThreads {
  makeRoom(columns, rows.length);
  const { start } = laid;
  start.fill(0, 0, rows.length + 1);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const thread = columns.thread[rows[i] as number] as number;
    let place = (placeOf[thread] as number) - 1;
    if (place < 0) {
      place = count;
      count += 1;
      placeOf[thread] = count;
      numberOfPlace[place] = thread;
    }
    placeOfRow[i] = place;
    start[place + 1] = (start[place + 1] as number) + 1;
  }
  for (let t = 0; t < count; t++) {
    start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    next[t] = start[t] as number;
    placeOf[numberOfPlace[t] as number] = 0;
  }
  for (let i = 0; i < rows.length; i++) {
    const place = placeOfRow[i] as number;
    const at = next[place] as number;
    const row = rows[i] as number;
    laid.order[at] = row;
    laid.at[at] = columns.at[row] as number;
    laid.fromClient[at] = columns.fromClient[row] as number;
    next[place] = at + 1;
  }
  laid.count = count;
  return laid;
}

// Every client's replies are matched into the same columns: they are read before the next client's are.
const replies = replySamples();

/**
 * Each thread's state and every reply matched in it, from the client's rows
 * in time order. The replies and the layout are valid until the next call.
 */
export function threadsAndSamples(columns: MessageColumns, rows: readonly number[], clock: BusinessClock) {
  const runs = layClientThreads(columns, rows);
  const samples = replies;
  samples.count = 0;
  const threads: ThreadState[] = [];
  for (let t = 0; t < runs.count; t++) {
    const from = runs.start[t] as number;
    const to = runs.start[t + 1] as number;
    const open = matchRepliesInto(runs, from, to, clock, samples);
    threads.push(threadState(columns, runs, from, to, threadIdOf(columns, runs.order[from] as number), open));
  }
  // -1 or 1, not the difference of the times, which would be a new heap number at every comparison (see byTime).
  threads.sort((a, b) => (a.lastAt !== b.lastAt ? (a.lastAt > b.lastAt ? -1 : 1) : a.threadId < b.threadId ? -1 : 1));
  return { samples, threads, runs };
}

/**
 * Who started the client's threads (each thread's first message): how many
 * each side, and the start of the latest one of ours.
 */
export function threadStarts(runs: ClientThreads) {
  let byThem = 0;
  let byUs = 0;
  let lastByUsAt: number | undefined;
  for (let t = 0; t < runs.count; t++) {
    const first = runs.start[t] as number;
    if (runs.fromClient[first] === 1) byThem++;
    else {
      byUs++;
      const at = runs.at[first] as number;
      if (lastByUsAt === undefined || at > lastByUsAt) lastByUsAt = at;
    }
  }
  return { byThem, byUs, lastByUsAt };
}

/** When we last wrote in each thread, by thread id: a cue is answered by our message after it. */
export function lastOutByThreadId(columns: MessageColumns, runs: ClientThreads): Map<string, number> {
  const lastOut = new Map<string, number>();
  for (let t = 0; t < runs.count; t++) {
    for (let i = (runs.start[t + 1] as number) - 1; i >= (runs.start[t] as number); i--) {
      if (runs.fromClient[i] === 1) continue;
      lastOut.set(threadIdOf(columns, runs.order[i] as number), runs.at[i] as number);
      break;
    }
  }
  return lastOut;
}
