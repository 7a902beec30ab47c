// The one entry point: bytes of mailbox exports in, batches of the engine's
// MailMessage out, each message once, each with a thread.
//
// Gmail Takeout messages carry their thread id and are handed out as soon as
// they are read. Messages without one must wait until the whole input is read,
// since any later message may join or link their thread; only their compact
// records (headers and a snippet, never bodies) are kept meanwhile.

import type { MailMessage } from '@/lib/engine/types';
import { Deduper } from './dedupe';
import type { ImportedMessage } from './parse-message';
import { emptyCounts, type ImportCounts, type MailboxInput, type ReadOptions, readMailbox } from './read-mailbox';
import { assignThreads, toMailMessage } from './threading';

export interface ImportOptions extends ReadOptions {
  /** Messages per batch handed out; 500 by default. */
  batchSize?: number;
}

export interface MailboxImport extends AsyncIterable<MailMessage[]> {
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
  const counts = emptyCounts();
  return {
    counts,
    [Symbol.asyncIterator]: () => batches(input, counts, options),
  };
}

async function* batches(input: MailboxInput, counts: ImportCounts, options: ImportOptions) {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const deduper = new Deduper();
  const gmailThreadOf = new Map<string, string>();
  const waiting: ImportedMessage[] = [];
  let batch: MailMessage[] = [];

  for await (const message of readMailbox(input, counts, options)) {
    if (deduper.isDuplicate(message)) {
      counts.duplicates++;
      continue;
    }
    if (!message.gmailThreadId) {
      waiting.push(message);
      continue;
    }
    if (message.messageId) gmailThreadOf.set(message.messageId, message.gmailThreadId);
    batch.push(toMailMessage(message, message.gmailThreadId));
    if (batch.length >= batchSize) {
      counts.imported += batch.length;
      yield batch;
      batch = [];
    }
  }

  options.signal?.throwIfAborted();
  const threadIds = assignThreads(waiting, gmailThreadOf);
  const order = waiting.map((_, i) => i).sort((a, b) => (waiting[a]?.at ?? 0) - (waiting[b]?.at ?? 0));
  for (const i of order) {
    batch.push(toMailMessage(waiting[i] as ImportedMessage, threadIds[i] as string));
    if (batch.length >= batchSize) {
      options.signal?.throwIfAborted();
      counts.imported += batch.length;
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    counts.imported += batch.length;
    yield batch;
  }
}
