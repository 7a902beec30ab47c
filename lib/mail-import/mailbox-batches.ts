// The one entry point: bytes of mailbox exports in, batches of the engine's
// MailMessage out, each message once, each with a thread.
//
// Messages are threaded as they are read and handed out in batches while the
// rest of the input is still being parsed, whether or not they carry Gmail's
// thread id, so reading overlaps storing. A batch also carries the thread
// moves learned since the last one: threads handed out earlier that turned out
// to be part of another (a reply read before the message linking its branch).
// Per message, only hashes of its ids are kept once it is handed out.

import { Deduper } from './dedupe';
import type { ImportedMessage } from './parse-message';
import { emptyCounts, type ImportCounts, type MailboxInput, type ReadOptions, readMailboxChunks } from './read-mailbox';
import { type ImportedMailMessage, ThreadJoiner, type ThreadMove, toMailMessage } from './threading';

export type { ImportedMailMessage, ThreadMove };

export interface ImportOptions extends ReadOptions {
  /**
   * Messages (and at most as many thread moves) per batch handed out; 500 by
   * default. The first batch holds at most FIRST_BATCH_SIZE of them.
   */
  batchSize?: number;
}

/**
 * Nothing can be stored before the first batch is handed out: a small one lets
 * storing start while the rest of that batch's worth is still being parsed.
 */
export const FIRST_BATCH_SIZE = 100;

export interface ImportBatch {
  messages: ImportedMailMessage[];
  /**
   * To apply once `messages` are stored: every message stored earlier under
   * `from` belongs to thread `to`. In order; a `to` may itself move later.
   */
  moves: ThreadMove[];
}

export interface MailboxImport extends AsyncIterable<ImportBatch> {
  /** Live counts; final once the iteration has finished. */
  readonly counts: Readonly<ImportCounts>;
}

/**
 * Imports mailbox exports: one stream (an mbox or a single .eml), one
 * `MailboxSource` or several (deduplicated and threaded together).
 * Throws `NotAMailboxError` on the first iteration, before any message is
 * read, when an input is neither.
 */
export function importMailbox(input: MailboxInput, options: ImportOptions = {}): MailboxImport {
  return importParsed((counts) => readMailboxChunks(input, counts, options), options);
}

/**
 * Deduplicates, threads and batches messages parsed elsewhere (the command
 * line's parsing threads), in the order given, a list at a time: `read`
 * counts what it reads into the counts it is handed, as `readMailboxChunks` does.
 */
export function importParsed(
  read: (counts: ImportCounts) => AsyncIterable<readonly ImportedMessage[]>,
  options: Pick<ImportOptions, 'batchSize' | 'signal'> = {},
): MailboxImport {
  const counts = emptyCounts();
  return {
    counts,
    [Symbol.asyncIterator]: () => batches(read(counts), counts, options),
  };
}

async function* batches(
  parsed: AsyncIterable<readonly ImportedMessage[]>,
  counts: ImportCounts,
  options: Pick<ImportOptions, 'batchSize' | 'signal'>,
) {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const deduper = new Deduper();
  const threads = new ThreadJoiner();
  let records: ImportedMailMessage[] = [];
  let nodes: number[] = [];
  let gmailThreads: (string | undefined)[] = [];

  // Thread ids are read only when the batch is handed out: what was learned
  // meanwhile already places its messages, and needs no move.
  const take = (): ImportBatch => {
    const messages = records.map((record, i) => {
      record.threadId = threads.threadIdOf(nodes[i] as number, { gmailThreadId: gmailThreads[i] });
      return record;
    });
    records = [];
    nodes = [];
    gmailThreads = [];
    counts.imported += messages.length;
    return { messages, moves: threads.takeMoves() };
  };

  for await (const list of parsed) {
    for (const message of list) {
      // Between two messages, as the reading stops between two.
      options.signal?.throwIfAborted();
      if (deduper.isDuplicate(message)) {
        counts.duplicates++;
        continue;
      }
      nodes.push(threads.add(message));
      gmailThreads.push(message.gmailThreadId);
      records.push(toMailMessage(message, ''));
      const limit = counts.imported === 0 ? Math.min(batchSize, FIRST_BATCH_SIZE) : batchSize;
      if (records.length >= limit || threads.pendingMoves >= limit) yield take();
    }
  }
  options.signal?.throwIfAborted();
  if (records.length > 0) yield take();
}
