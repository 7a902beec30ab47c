// A client's messages as rows of columns the whole grouping shares: each
// message's time, side, thread, id and subject in arrays filled as the mailbox
// is grouped, its snippet read from the message itself. Drafting a client
// reads these rather than an object built for each message on every
// recompute, each time in it a number of its own on the heap.
import type { ClientMessage } from './conversation';

/** Where a message's snippet is read from: a grouped message, or a client message built elsewhere. */
interface WithSnippet {
  snippet: string;
}

/**
 * The texts a client's threads are read with are columns too, filled as the
 * messages are grouped, in their order: read a thread at a time, from the
 * messages themselves, each would be a look far across the heap.
 */
export interface MessageColumns {
  /** Each message's time, epoch ms, no later than the grouping's now. */
  at: Float64Array;
  /** 1 when the message is from the client, 0 when it is ours to the client. */
  fromClient: Uint8Array;
  /** Each message's thread, numbered from 0 (thread-numbers.ts). */
  thread: Int32Array;
  /** Each thread's id, by its number: every thread number is below its length. */
  threadIds: readonly string[];
  id: string[];
  subject: string[];
  /**
   * 1 where the subject is blank (trim() leaves nothing). Told as the messages
   * are grouped, in their order, so a thread's subject (the first one not
   * blank) is found without reading one string of each thread of each client
   * from wherever it lies in the heap.
   */
  blankSubject: Uint8Array;
  /** Read only for the few recent messages cues are looked for in. */
  text: readonly WithSnippet[];
}

/** One client's messages: rows of shared columns, in the order grouped. */
export interface ClientMail {
  columns: MessageColumns;
  rows: readonly number[];
}

/** Whether a subject is blank as trim() sees it; from its first character alone when that is printable ASCII. */
export function isBlankSubject(subject: string): boolean {
  const first = subject.charCodeAt(0);
  // Every character trim() removes is at most 32 or at least 160 (no-break space and the Unicode spaces).
  if (first > 32 && first < 160) return false;
  return subject.trim() === '';
}

export const idOf = (c: MessageColumns, row: number): string => c.id[row] ?? '';

export const threadIdOf = (c: MessageColumns, row: number): string => c.threadIds[c.thread[row] as number] ?? '';

export const subjectOf = (c: MessageColumns, row: number): string => c.subject[row] ?? '';

export const snippetOf = (c: MessageColumns, row: number): string => c.text[row]?.snippet ?? '';

/** Columns of their own for messages built one by one (tests, and a bucket with no mail). */
export function mailOf(messages: readonly ClientMessage[]): ClientMail {
  const count = messages.length;
  const threadIds: string[] = [];
  const columns: MessageColumns = {
    at: new Float64Array(count),
    fromClient: new Uint8Array(count),
    thread: new Int32Array(count),
    threadIds,
    id: [],
    subject: [],
    blankSubject: new Uint8Array(count),
    text: messages,
  };
  // Renumbered from 0 in the order they appear, so that every number is below the count of threads.
  const numbers = new Map<number, number>();
  const rows: number[] = [];
  for (let i = 0; i < count; i++) {
    const m = messages[i] as ClientMessage;
    let thread = numbers.get(m.thread);
    if (thread === undefined) {
      thread = numbers.size;
      numbers.set(m.thread, thread);
      threadIds.push(m.threadId);
    }
    columns.at[i] = m.at;
    columns.fromClient[i] = m.side === 'in' ? 1 : 0;
    columns.thread[i] = thread;
    columns.id.push(m.id);
    columns.subject.push(m.subject);
    columns.blankSubject[i] = isBlankSubject(m.subject) ? 1 : 0;
    rows.push(i);
  }
  return { columns, rows };
}

/** Time order, ties broken by id, as byTime (conversation.ts) orders messages. */
function byRowTime(c: MessageColumns, a: number, b: number): number {
  const atA = c.at[a] as number;
  const atB = c.at[b] as number;
  if (atA !== atB) return atA < atB ? -1 : 1;
  const idA = idOf(c, a);
  const idB = idOf(c, b);
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * The rows in time order: a sorted copy, or the rows themselves when they
 * already are, as messages read from storage by time usually are. Only read, never changed.
 */
export function inTimeOrder({ columns, rows }: ClientMail): readonly number[] {
  for (let i = 1; i < rows.length; i++) {
    if (byRowTime(columns, rows[i - 1] as number, rows[i] as number) > 0) {
      return [...rows].sort((a, b) => byRowTime(columns, a, b));
    }
  }
  return rows;
}
