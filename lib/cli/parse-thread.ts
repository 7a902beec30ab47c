// The entry of the report's second parsing thread (parallel-read.ts): a few
// lines that compile the parser's bundle (parse-worker.ts) with the code cache
// the build wrote beside it, as the main thread compiles the report's. Without
// it the thread parsed and compiled a third of a megabyte of JavaScript before
// its first message, and a report on two threads cost more CPU than on one.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadBundle } from './built-command';
import type { ParseJob, ParseReply } from './parse-protocol';
import type { parseClaimedFiles } from './parse-worker';

const { exports } = loadBundle<{ parseClaimedFiles: typeof parseClaimedFiles }>(
  path.join(__dirname, 'parse-worker.cjs'),
);
void exports.parseClaimedFiles(workerData as ParseJob, (reply: ParseReply) => parentPort?.postMessage(reply));
