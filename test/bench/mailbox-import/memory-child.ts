// Run in a fresh Node process by the mailbox-import bench (with --expose-gc):
// imports one mailbox file, dropping every batch as a consumer that has stored
// it would, and prints the peak live memory (after a collection at every
// progress report) and the peak resident set size. Live memory is the JS heap
// plus ArrayBuffers, which hold the import's typed-array indexes outside the heap.
import { importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';

const file = process.argv[2];
if (!file) throw new Error('usage: memory-child.ts <mbox file>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

let peakHeap = 0;
let peakLive = 0;
let reports = 0;
const sample = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  peakLive = Math.max(peakLive, heapUsed + arrayBuffers);
};
sample();
const baseline = peakHeap;
const baselineLive = peakLive;
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
    baselineLiveMB: baselineLive / 2 ** 20,
    peakLiveMB: peakLive / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
