// Reads one or more mailbox inputs message by message: checks every input's
// format first, then splits, parses and counts. Messages come out as they are
// read, those of each chunk together; duplicates and threads are the importer's business.

import { ByteReader, type ByteSource } from './byte-reader';
import { detectMailboxFormat, type MailboxFormat, SNIFF_BYTES } from './detect-format';
import { NotAMailboxError } from './errors';
import { MboxSplitter, type SplitterLimits } from './mbox-splitter';
import { type ImportedMessage, parseMessage } from './parse-message';

/** A mailbox input that can be opened more than once (a File, a path). */
export interface MailboxSource {
  /** Shown in progress reports and errors: a file name or path. */
  name: string;
  /** Total bytes when known, for progress. */
  size?: number;
  /** The bytes from the start; called once to check the format and once to read. */
  open(): ByteSource;
}

export type MailboxInput = ByteSource | MailboxSource | readonly MailboxSource[];

export interface ImportCounts {
  /** Messages found in the input, whatever became of them. */
  read: number;
  /** Messages handed out, after duplicates were dropped. */
  imported: number;
  duplicates: number;
  /** Without a readable Date header: left out, since a time is never invented. */
  skippedNoDate: number;
  /** Unreadable (no headers, no sender, oversized header block, broken MIME). */
  skippedCorrupt: number;
}

export interface ImportProgress {
  source: string;
  sourceIndex: number;
  sourceCount: number;
  /** Byte offset reached in the current source. */
  sourceBytes: number;
  sourceSize?: number;
  /** Bytes read across all sources. */
  bytesRead: number;
  /** Sum of the sources' sizes, when every size is known. */
  totalBytes?: number;
  counts: Readonly<ImportCounts>;
}

export interface SkippedMessage {
  source: string;
  /** Byte offset of the message in its source, to find it again. */
  offset: number;
  kind: 'no-date' | 'corrupt';
  reason: string;
}

export interface ReadOptions extends SplitterLimits {
  /** Called after every chunk read, with byte offsets and counts so far. */
  onProgress?: (progress: ImportProgress) => void;
  /** Called for every message left out, with where it is and why. */
  onSkip?: (skipped: SkippedMessage) => void;
  /** Stops the import between two messages; the iteration then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Whether a message from this sender (a lower-cased address) needs its
   * snippet; every message does by default. A report that reads snippets only
   * for the client's own messages (cues) skips decoding the user's bodies.
   */
  snippetFrom?: (sender: string) => boolean;
}

interface OpenableSource {
  name: string;
  size?: number;
  reader(): ByteReader;
  /** A bare stream can be read once only: its look-ahead must be kept, not cancelled. */
  readOnce: boolean;
}

export function emptyCounts(): ImportCounts {
  return { read: 0, imported: 0, duplicates: 0, skippedNoDate: 0, skippedCorrupt: 0 };
}

/**
 * Parsed messages of all inputs, in input order, a list for each chunk read;
 * `counts` is updated as they go. A list rather than a message at a time: an
 * export's messages are parsed in a plain loop, not each handed through the
 * importer's asynchronous steps, which cost more than parsing a small message.
 */
export async function* readMailboxChunks(
  input: MailboxInput,
  counts: ImportCounts,
  options: ReadOptions = {},
): AsyncGenerator<ImportedMessage[]> {
  const { signal, onProgress, onSkip, snippetFrom } = options;
  const sources = openable(input);
  const formats: MailboxFormat[] = [];
  for (const source of sources) {
    signal?.throwIfAborted();
    formats.push(await checkFormat(source));
  }

  const sizes = sources.map((source) => source.size);
  const totalBytes = sizes.every((size) => size !== undefined)
    ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0)
    : undefined;
  let bytesBefore = 0;
  for (const [sourceIndex, source] of sources.entries()) {
    const reader = source.reader();
    const splitter = new MboxSplitter(formats[sourceIndex] as MailboxFormat, options);
    try {
      for (;;) {
        signal?.throwIfAborted();
        const chunk = await reader.read();
        const messages: ImportedMessage[] = [];
        for (const raw of chunk ? splitter.push(chunk) : splitter.end()) {
          signal?.throwIfAborted();
          counts.read++;
          const outcome = parseMessage(raw, snippetFrom);
          if (outcome.kind === 'message') {
            messages.push(outcome.message);
            continue;
          }
          if (outcome.kind === 'no-date') counts.skippedNoDate++;
          else counts.skippedCorrupt++;
          onSkip?.({ source: source.name, offset: raw.offset, kind: outcome.kind, reason: outcome.reason });
        }
        if (messages.length > 0) yield messages;
        onProgress?.({
          source: source.name,
          sourceIndex,
          sourceCount: sources.length,
          sourceBytes: splitter.bytesConsumed,
          ...(source.size !== undefined ? { sourceSize: source.size } : {}),
          bytesRead: bytesBefore + splitter.bytesConsumed,
          ...(totalBytes !== undefined ? { totalBytes } : {}),
          counts,
        });
        if (!chunk) break;
      }
    } finally {
      await reader.cancel();
    }
    bytesBefore += splitter.bytesConsumed;
  }
}

async function checkFormat(source: OpenableSource): Promise<MailboxFormat> {
  const reader = source.reader();
  const head = await reader.peek(SNIFF_BYTES);
  const verdict = detectMailboxFormat(head);
  if (!source.readOnce || verdict.format === null) await reader.cancel();
  if (verdict.format === null) throw new NotAMailboxError(source.name, verdict.reason);
  return verdict.format;
}

function openable(input: MailboxInput): OpenableSource[] {
  if (Array.isArray(input)) return (input as readonly MailboxSource[]).map(fromMailboxSource);
  if (isMailboxSource(input)) return [fromMailboxSource(input)];
  const reader = new ByteReader(input as ByteSource);
  return [{ name: 'input', reader: () => reader, readOnce: true }];
}

function fromMailboxSource(source: MailboxSource): OpenableSource {
  return {
    name: source.name,
    ...(source.size !== undefined ? { size: source.size } : {}),
    reader: () => new ByteReader(source.open()),
    readOnce: false,
  };
}

function isMailboxSource(input: MailboxInput): input is MailboxSource {
  return typeof (input as MailboxSource).open === 'function' && typeof (input as MailboxSource).name === 'string';
}
