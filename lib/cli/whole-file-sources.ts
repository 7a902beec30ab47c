import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { MailboxSource } from '@/lib/mail-import/read-mailbox';

// A mailbox folder is mostly small files (Enron's are a few hundred kilobytes,
// Thunderbird's one per folder): reading each in one call, instead of as a
// stream through Node's thread pool, makes the whole import about a quarter
// faster. Large files (a Takeout export of gigabytes) still stream, so memory
// stays flat.
const WHOLE_FILE_MAX_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

/** The mailbox sources at `target`, as `mailboxSourcesAt` finds them, small files read whole. */
export async function mailboxSourcesForCli(target: string): Promise<MailboxSource[]> {
  const sources = await mailboxSourcesAt(target);
  const folder = statSync(target).isDirectory() ? target : undefined;
  return sources.map((source) => {
    if (source.size === undefined || source.size > WHOLE_FILE_MAX_BYTES) return source;
    const file = folder === undefined ? target : path.join(folder, source.name);
    return { ...source, open: wholeFileOpener(file) };
  });
}

/**
 * The import opens a source twice, to check its format and then to read it:
 * the file is read once, kept for the second opening, then let go.
 */
function wholeFileOpener(file: string): MailboxSource['open'] {
  let kept: Uint8Array | undefined;
  let opened = 0;
  return () => {
    opened++;
    const first = opened === 1;
    return (async function* () {
      const bytes = kept ?? readFileSync(file);
      kept = first ? bytes : undefined;
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    })();
  };
}
