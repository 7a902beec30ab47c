// The command line parses a folder of mailbox files on two threads: this one
// takes files from the first on, a worker (parse-thread.ts) from the last
// back, each claiming a file before parsing it, until they meet. However busy
// the machine and however late the worker starts, neither waits while files
// remain (and no worker when the machine has no core to spare, see
// worthAThread). The worker's messages follow this thread's, in file order, so
// deduplication and threading see every message in the input's order, exactly
// as one thread reads them. Parsing is most of a report's time. A large mbox
// file is cut into pieces first (mailbox-pieces.ts), so a mailbox of one big
// inbox and a few small folders is shared fairly too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOurSideTest } from '@/lib/engine/client-identity';
import type { AccountIdentity } from '@/lib/engine/types';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { type ImportCounts, readMailboxChunks } from '@/lib/mail-import/read-mailbox';
import { coreToSpare } from './machine-load';
import { mailboxPieces } from './mailbox-pieces';
import { CLAIMED_BY_MAIN, type ParseJob, type ParseReply } from './parse-protocol';
import { type MailboxFile, openMailboxFile } from './whole-file-sources';

// Below this, a second thread adds more CPU than it can save time, even with
// a core free. It starts in about 55 ms of CPU (Node's thread, then the parser
// from its code cache) and parses 50 to 110 ms a megabyte, so on S megabytes
// it saves at most (S × that − 55) / 2 ms: under 150 ms below 4 MB, where it
// added 100 to 180 ms of CPU to the Enron mailboxes' reports (whitt-m, 2 MB:
// 517 ms on one thread, 649 on two).
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
// What the threads claim: files, and pieces of the large ones.
const PIECES = 16;
const MIN_PIECE_BYTES = 128 * 1024;
// The worker's entry is built beside the bundle (scripts/build-cli.mjs); run
// from the TypeScript source, there is none and one thread reads everything.
const WORKER_FILE = fileURLToPath(new URL('./parse-thread.cjs', import.meta.url));

/** The messages of `files` in order, a list at a time, parsed on two threads when they are worth it. */
export async function* readMailboxFiles(
  files: readonly MailboxFile[],
  counts: ImportCounts,
  identity?: AccountIdentity,
): AsyncGenerator<readonly ImportedMessage[]> {
  const isOurSide = identity && createOurSideTest(identity);
  const options = isOurSide ? { snippetFrom: (sender: string) => !isOurSide(sender) } : {};
  if (!worthAThread(files)) {
    yield* readMailboxChunks(files.map(openMailboxFile), counts, options);
    return;
  }
  const pieces = mailboxPieces(files, pieceBytes(files));
  if (pieces.length < 2) {
    yield* readMailboxChunks(pieces.map(openMailboxFile), counts, options);
    return;
  }
  const claims = new Int32Array(new SharedArrayBuffer(pieces.length * Int32Array.BYTES_PER_ELEMENT));
  const worker = startWorker({ files: pieces, claims, ...(identity ? { identity } : {}) });
  try {
    let index = 0;
    for (; index < pieces.length; index++) {
      if (Atomics.compareExchange(claims, index, 0, CLAIMED_BY_MAIN) !== 0) break;
      yield* readMailboxChunks([openMailboxFile(pieces[index] as MailboxFile)], counts, options);
    }
    // The rest was claimed by the worker, from the last piece back.
    for (; index < pieces.length; index++) {
      const file = await worker.file(index);
      counts.read += file.counts.read;
      counts.skippedNoDate += file.counts.skippedNoDate;
      counts.skippedCorrupt += file.counts.skippedCorrupt;
      yield file.messages;
    }
  } finally {
    await worker.stop();
  }
}

const totalBytes = (files: readonly MailboxFile[]) => files.reduce((sum, file) => sum + (file.size ?? 0), 0);

/**
 * A second thread parses its files in a fresh engine, which warms up the
 * parser again: a quarter more CPU in all on the Enron mailboxes, for up to
 * half the parsing time when a core is free. So it is started only when one
 * is (machine-load.ts), and on mailboxes large enough to gain from it.
 */
function worthAThread(files: readonly MailboxFile[]): boolean {
  if (totalBytes(files) < PARALLEL_MIN_BYTES || !existsSync(WORKER_FILE)) return false;
  // Set to 1 or 2, it decides instead (the tests of the built CLI take both ways).
  const asked = process.env.KEEPWARM_PARSE_THREADS;
  if (asked === '1' || asked === '2') return asked === '2';
  return coreToSpare();
}

/** Small enough for the threads to finish close together, large enough that claiming one costs nothing. */
function pieceBytes(files: readonly MailboxFile[]): number {
  return Math.max(MIN_PIECE_BYTES, Math.ceil(totalBytes(files) / PIECES));
}

function startWorker(job: ParseJob) {
  // Loaded only here: a report read on one thread never needs it, and loading it is a cost of its own.
  // (Not `import()`: the built command runs as a script, which has no module loader for it.)
  const { Worker } = process.getBuiltinModule('node:worker_threads');
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
