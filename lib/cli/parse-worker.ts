// The second parsing thread of the command line's import (parallel-read.ts):
// parses the files it is given, in order, and posts the messages back a
// source at a time. Deduplication and threading stay with the main thread,
// which needs every message in the input's order.
import { parentPort, workerData } from 'node:worker_threads';
import { createOurSideTest } from '@/lib/engine/client-identity';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { emptyCounts, readMailbox } from '@/lib/mail-import/read-mailbox';
import type { ParseJob, ParseReply } from './parallel-read';
import { openMailboxFile } from './whole-file-sources';

const { files, identity } = workerData as ParseJob;
const port = parentPort;
const post = (reply: ParseReply) => port?.postMessage(reply);
// Posted in pieces, so the main thread takes in the first while the rest is parsed.
const PIECE = 500;

async function parse() {
  const counts = emptyCounts();
  const isOurSide = identity && createOurSideTest(identity);
  let piece: ImportedMessage[] = [];
  const options = isOurSide ? { snippetFrom: (sender: string) => !isOurSide(sender) } : {};
  for await (const message of readMailbox(files.map(openMailboxFile), counts, options)) {
    piece.push(message);
    if (piece.length >= PIECE) {
      post({ kind: 'messages', messages: piece });
      piece = [];
    }
  }
  post({ kind: 'messages', messages: piece });
  post({ kind: 'done', read: counts.read, skippedNoDate: counts.skippedNoDate, skippedCorrupt: counts.skippedCorrupt });
}

parse().catch((error: unknown) =>
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
);
