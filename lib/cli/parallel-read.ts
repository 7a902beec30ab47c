// The command line parses a folder of mailbox files on two threads: this one
// takes files from the first on, a worker (parse-worker.ts) from the last
// back, each claiming a file before parsing it, until they meet. However busy
// the machine and however late the worker starts, neither waits while files
// remain. The worker's messages follow this thread's, in file order, so
// deduplication and threading see every message in the input's order, exactly
// as one thread reads them. Parsing is most of a report's time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createOurSideTest } from '@/lib/engine/client-identity';
import type { AccountIdentity } from '@/lib/engine/types';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { type ImportCounts, readMailbox } from '@/lib/mail-import/read-mailbox';
import { CLAIMED_BY_MAIN, type ParseJob, type ParseReply } from './parse-protocol';
import { type MailboxFile, openMailboxFile } from './whole-file-sources';

// Below this, starting a thread costs more than it saves.
const PARALLEL_MIN_BYTES = 1024 * 1024;
// The worker is built beside the bundle (scripts/build-cli.mjs); run from the
// TypeScript source, there is none and one thread reads everything.
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.cjs', import.meta.url));

/** The messages of `files` in order, parsed on two threads when they are worth it. */
export async function* readMailboxFiles(
  files: readonly MailboxFile[],
  counts: ImportCounts,
  identity?: AccountIdentity,
): AsyncGenerator<ImportedMessage> {
  const isOurSide = identity && createOurSideTest(identity);
  const options = isOurSide ? { snippetFrom: (sender: string) => !isOurSide(sender) } : {};
  if (!worthAThread(files)) {
    yield* readMailbox(files.map(openMailboxFile), counts, options);
    return;
  }
  const claims = new Int32Array(new SharedArrayBuffer(files.length * Int32Array.BYTES_PER_ELEMENT));
  const worker = startWorker({ files: [...files], claims, ...(identity ? { identity } : {}) });
  try {
    let index = 0;
    for (; index < files.length; index++) {
      if (Atomics.compareExchange(claims, index, 0, CLAIMED_BY_MAIN) !== 0) break;
      yield* readMailbox([openMailboxFile(files[index] as MailboxFile)], counts, options);
    }
    // The rest was claimed by the worker, from the last file back.
    for (; index < files.length; index++) {
      const file = await worker.file(index);
      counts.read += file.counts.read;
      counts.skippedNoDate += file.counts.skippedNoDate;
      counts.skippedCorrupt += file.counts.skippedCorrupt;
      yield* file.messages;
    }
  } finally {
    await worker.stop();
  }
}

function worthAThread(files: readonly MailboxFile[]): boolean {
  if (files.length < 2 || !existsSync(WORKER_FILE)) return false;
  return files.reduce((sum, file) => sum + (file.size ?? 0), 0) >= PARALLEL_MIN_BYTES;
}

function startWorker(job: ParseJob) {
  const worker = new Worker(WORKER_FILE, { workerData: job });
  const parsed = new Map<number, Extract<ParseReply, { kind: 'file' }>>();
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  const arrived = (reply: ParseReply) => {
    if (reply.kind === 'file') parsed.set(reply.index, reply);
    else if (reply.kind === 'error') failure ??= reply.message;
    wake?.();
  };
  worker.on('message', arrived);
  worker.on('error', (error) => arrived({ kind: 'error', message: error.message }));
  worker.on('exit', (code) => arrived({ kind: 'error', message: `the parsing thread stopped (exit code ${code})` }));
  return {
    /** The worker's messages and counts of the file at `index`, once parsed. */
    async file(index: number) {
      for (;;) {
        const file = parsed.get(index);
        if (file) {
          parsed.delete(index);
          return file;
        }
        if (failure !== undefined) throw new Error(failure);
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    stop: () => worker.terminate(),
  };
}
