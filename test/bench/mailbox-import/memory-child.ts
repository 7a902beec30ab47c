// Run in a fresh Node process by the mailbox-import bench (with --expose-gc):
// imports one mailbox file, dropping every batch as a consumer that has stored
// it would, and prints the peak live heap (after a collection at every progress
// report) and the peak resident set size.
import { importMailbox } from '@/lib/mail-import/import-mailbox';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';

const file = process.argv[2];
if (!file) throw new Error('usage: memory-child.ts <mbox file>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

let peakHeap = 0;
let reports = 0;
const sample = () => {
  gc();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
sample();
const baseline = peakHeap;
const run = importMailbox(await mailboxSourcesAt(file), {
  onProgress: () => {
    // Every fourth chunk read (a megabyte) is often enough to see the live set.
    if (++reports % 4 === 0) sample();
  },
});
let messages = 0;
for await (const batch of run) {
  messages += batch.messages.length;
  sample();
}
console.log(
  JSON.stringify({
    messages,
    baselineHeapMB: baseline / 2 ** 20,
    peakHeapMB: peakHeap / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
