// The second parsing thread of the command line's import (parallel-read.ts):
// claims files from the last back until it meets a file the main thread has
// claimed, parses each and posts its messages. Deduplication and threading
// stay with the main thread, which needs every message in the input's order.
// Bundled on its own and run by the thread's entry (parse-thread.ts), which
// compiles it with its code cache; the build writes that cache by running
// parseClaimedFiles once on a sample (scripts/build-cli.mjs).
import { createOurSideTest } from '@/lib/engine/client-identity';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { emptyCounts, readMailboxChunks } from '@/lib/mail-import/read-mailbox';
import { CLAIMED_BY_WORKER, type ParseJob, type ParseReply } from './parse-protocol';
import { type MailboxFile, openMailboxFile } from './whole-file-sources';

/** Parses the files of `job` it claims, from the last back, posting each file's messages, then 'done' or 'error'. */
export async function parseClaimedFiles({ files, identity, claims }: ParseJob, post: (reply: ParseReply) => void) {
  try {
    const isOurSide = identity && createOurSideTest(identity);
    const options = isOurSide ? { snippetFrom: (sender: string) => !isOurSide(sender) } : {};
    for (let index = files.length - 1; index >= 0; index--) {
      if (Atomics.compareExchange(claims, index, 0, CLAIMED_BY_WORKER) !== 0) break;
      const counts = emptyCounts();
      const messages: ImportedMessage[] = [];
      for await (const list of readMailboxChunks([openMailboxFile(files[index] as MailboxFile)], counts, options))
        for (const message of list) messages.push(message);
      const { read, skippedNoDate, skippedCorrupt } = counts;
      post({ kind: 'file', index, messages, counts: { read, skippedNoDate, skippedCorrupt } });
    }
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
