import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { MailboxSource } from '@/lib/mail-import/read-mailbox';

// A mailbox folder is mostly small files (Enron's are a few hundred kilobytes,
// Thunderbird's one per folder): reading each in one call, instead of as a
// stream through Node's thread pool, makes the whole import about a quarter
// faster. Large files (a Takeout export of gigabytes) still stream, so memory
// stays flat.
export const WHOLE_FILE_MAX_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

/** A mailbox file found at the command line's target: what a parsing thread needs to open it. */
export interface MailboxFile {
  /** As `mailboxSourcesAt` names it: relative to the folder given, or the path given. */
  name: string;
  path: string;
  size?: number;
  /** A piece of the file (mailbox-pieces.ts): its first byte and the byte after its last. */
  start?: number;
  end?: number;
}

/** The mailbox files at `target`, as `mailboxSourcesAt` finds them, in its order. */
export async function mailboxFilesAt(target: string): Promise<MailboxFile[]> {
  const sources = await mailboxSourcesAt(target);
  const folder = statSync(target).isDirectory() ? target : undefined;
  return sources.map((source) => ({
    name: source.name,
    path: folder === undefined ? target : path.join(folder, source.name),
    ...(source.size !== undefined ? { size: source.size } : {}),
  }));
}

/** A mailbox file as a source to read: read whole when small, streamed otherwise. */
export function openMailboxFile(file: MailboxFile): MailboxSource {
  const size = file.size ?? statSync(file.path).size;
  const open =
    size > WHOLE_FILE_MAX_BYTES
      ? () => plainBytes(createReadStream(file.path, { highWaterMark: CHUNK_BYTES }))
      : wholeFileOpener(() => readPart(file));
  return { name: file.name, size, open };
}

/** The mailbox sources at `target`, as `mailboxSourcesAt` finds them, small files read whole. */
export async function mailboxSourcesForCli(target: string): Promise<MailboxSource[]> {
  return (await mailboxFilesAt(target)).map(openMailboxFile);
}

/**
 * The import opens a source twice, to check its format and then to read it:
 * the file is read once, kept for the second opening, then let go.
 */
function wholeFileOpener(read: () => Uint8Array): MailboxSource['open'] {
  let kept: Uint8Array | undefined;
  let opened = 0;
  return () => {
    opened++;
    const first = opened === 1;
    return (async function* () {
      const bytes = kept ?? read();
      kept = first ? bytes : undefined;
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    })();
  };
}

/** The file's bytes, or those of its piece. */
function readPart(file: MailboxFile): Uint8Array {
  if (file.start === undefined || file.end === undefined) return plain(readFileSync(file.path));
  const bytes = new Uint8Array(file.end - file.start);
  const handle = openSync(file.path, 'r');
  try {
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(handle, bytes, read, bytes.length - read, file.start + read);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(handle);
  }
}

/**
 * A Buffer's bytes as a plain Uint8Array over the same memory. The mbox
 * splitter looks for every line's end with `indexOf` and cuts it with
 * `subarray`: on a plain array both are V8's own, on a Buffer Node's, which
 * cost twice as much before the code is warm, and a report is over by then.
 */
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

async function* plainBytes(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield plain(chunk);
}
