// The command line parses a folder of mailbox files on two threads: this one
// reads the first files while a worker (parse-worker.ts) reads the rest, and
// the worker's messages follow this thread's, so deduplication and threading
// see every message in the input's order, exactly as one thread reads them.
// Parsing is most of a report's time; a second core nearly halves it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createOurSideTest } from '@/lib/engine/client-identity';
import type { AccountIdentity } from '@/lib/engine/types';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { type ImportCounts, readMailbox } from '@/lib/mail-import/read-mailbox';
import { type MailboxFile, openMailboxFile } from './whole-file-sources';

export interface ParseJob {
  files: MailboxFile[];
  identity?: AccountIdentity;
}

export type ParseReply =
  | { kind: 'messages'; messages: ImportedMessage[] }
  | { kind: 'done'; read: number; skippedNoDate: number; skippedCorrupt: number }
  | { kind: 'error'; message: string };

// Below this, starting a thread costs more than it saves.
const PARALLEL_MIN_BYTES = 1024 * 1024;
// This thread also deduplicates and threads every message: the worker takes the larger share.
const WORKER_SHARE = 0.55;
// The worker is built beside the bundle (scripts/build-cli.mjs); run from the
// TypeScript source, there is none and one thread reads everything.
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.cjs', import.meta.url));

/** The messages of `files` in order, parsed on two threads when they are worth it. */
export async function* readMailboxFiles(
  files: readonly MailboxFile[],
  counts: ImportCounts,
  identity?: AccountIdentity,
): AsyncGenerator<ImportedMessage> {
  const split = splitIndex(files);
  const isOurSide = identity && createOurSideTest(identity);
  const options = isOurSide ? { snippetFrom: (sender: string) => !isOurSide(sender) } : {};
  if (split === undefined) {
    yield* readMailbox(files.map(openMailboxFile), counts, options);
    return;
  }
  const worker = startWorker({ files: files.slice(split), ...(identity ? { identity } : {}) });
  try {
    yield* readMailbox(files.slice(0, split).map(openMailboxFile), counts, options);
    yield* worker.messages(counts);
  } finally {
    await worker.stop();
  }
}

/** Where the worker's files begin, or undefined when one thread should read them all. */
function splitIndex(files: readonly MailboxFile[]): number | undefined {
  if (files.length < 2 || !existsSync(WORKER_FILE)) return undefined;
  const total = files.reduce((sum, file) => sum + (file.size ?? 0), 0);
  if (total < PARALLEL_MIN_BYTES) return undefined;
  let ours = 0;
  for (const [index, file] of files.entries()) {
    if (ours + (file.size ?? 0) / 2 > total * (1 - WORKER_SHARE)) return Math.max(1, index);
    ours += file.size ?? 0;
  }
  return files.length - 1;
}

function startWorker(job: ParseJob) {
  const worker = new Worker(WORKER_FILE, { workerData: job });
  const replies: ParseReply[] = [];
  let wake: (() => void) | undefined;
  const arrived = (reply: ParseReply) => {
    replies.push(reply);
    wake?.();
  };
  worker.on('message', arrived);
  worker.on('error', (error) => arrived({ kind: 'error', message: error.message }));
  worker.on('exit', (code) => arrived({ kind: 'error', message: `the parsing thread stopped (exit code ${code})` }));
  return {
    /** The worker's messages, in its files' order, its counts added to `counts`. */
    async *messages(counts: ImportCounts): AsyncGenerator<ImportedMessage> {
      for (;;) {
        if (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const reply = replies.shift();
        if (!reply) continue;
        if (reply.kind === 'error') throw new Error(reply.message);
        if (reply.kind === 'done') {
          counts.read += reply.read;
          counts.skippedNoDate += reply.skippedNoDate;
          counts.skippedCorrupt += reply.skippedCorrupt;
          return;
        }
        yield* reply.messages;
      }
    },
    stop: () => worker.terminate(),
  };
}
