import { concatBytes, looksLikeMbox, looksLikeMessage, MboxSplitter, type RawMessage } from './mbox-splitter';
import { type ImportedMessage, parseMessage } from './parse-message';
import { dedupeKey } from './threading';

export interface ImportCounts {
  read: number;
  imported: number;
  duplicates: number;
  skippedNoDate: number;
  skippedNoSender: number;
  skippedCorrupt: number;
  bytes: number;
}

export interface ImportOptions {
  onProgress?: (counts: ImportCounts) => void;
  signal?: AbortSignal;
}

export class NotAMailboxError extends Error {}

const HEAD_BYTES = 1024;

export function emptyCounts(): ImportCounts {
  return { read: 0, imported: 0, duplicates: 0, skippedNoDate: 0, skippedNoSender: 0, skippedCorrupt: 0, bytes: 0 };
}

async function* chunksOf(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads one mbox or .eml stream and yields its messages' headers and snippets,
 * once each (`seen` carries the dedupe keys across files, so copies in several
 * folders count once). Refuses, before any work, a stream that is neither.
 * Cancelling through `signal` stops between messages; what was yielded stays valid.
 */
export async function* importMailbox(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  counts: ImportCounts,
  seen: Set<string>,
  options: ImportOptions = {},
): AsyncGenerator<ImportedMessage> {
  const splitter = new MboxSplitter();
  let kind: 'mbox' | 'eml' | undefined;
  const emlParts: Uint8Array[] = [];
  const take = async function* (raws: RawMessage[]) {
    for (const raw of raws) {
      options.signal?.throwIfAborted();
      counts.read += 1;
      const outcome = await parseMessage(raw.bytes);
      if ('skipped' in outcome) {
        if (outcome.skipped === 'no-date') counts.skippedNoDate += 1;
        else if (outcome.skipped === 'no-sender') counts.skippedNoSender += 1;
        else counts.skippedCorrupt += 1;
        continue;
      }
      const key = dedupeKey(outcome.message);
      if (seen.has(key)) {
        counts.duplicates += 1;
        continue;
      }
      seen.add(key);
      counts.imported += 1;
      yield outcome.message;
    }
    options.onProgress?.({ ...counts });
  };
  // The kind is decided on the first KiB, however small the chunks come.
  let head: Uint8Array[] = [];
  let headLength = 0;
  const decide = (bytes: Uint8Array) => {
    if (looksLikeMbox(bytes)) return 'mbox' as const;
    if (looksLikeMessage(bytes)) return 'eml' as const;
    throw new NotAMailboxError('this file is neither an mbox mailbox nor an .eml message');
  };
  const feed = async function* (chunk: Uint8Array) {
    if (kind === 'mbox') yield* take(splitter.push(chunk));
    else emlParts.push(chunk);
  };
  for await (const chunk of chunksOf(source)) {
    options.signal?.throwIfAborted();
    counts.bytes += chunk.length;
    if (kind) {
      yield* feed(chunk);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength < HEAD_BYTES) continue;
    const joined = concatBytes(head, headLength);
    head = [];
    kind = decide(joined);
    yield* feed(joined);
  }
  if (!kind && headLength > 0) {
    const joined = concatBytes(head, headLength);
    kind = decide(joined);
    yield* feed(joined);
  }
  if (kind === 'mbox') yield* take(splitter.end());
  else if (kind === 'eml') {
    const bytes = concatBytes(
      emlParts,
      emlParts.reduce((n, p) => n + p.length, 0),
    );
    yield* take([{ bytes, offset: 0, truncated: false }]);
  }
}
