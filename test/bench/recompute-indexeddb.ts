import type { Benchmark } from './benchmark';
import { inBenchPage, median } from './ingest-indexeddb';

// The background's full recompute of a stored account of 5,000 clients and
// 200,000 messages in Chromium (read, analyse, write every report) against
// reading those messages once; and the update after one new message (store it,
// recompute its client) against the full recompute.

const CLIENTS = 5000;
const MESSAGES = 200_000;
const ROUNDS = 3;
const NOW = Date.UTC(2026, 10, 20, 12);

export const recomputeIndexedDb: Benchmark = {
  name: 'recompute-indexeddb',
  async run() {
    const figures = await inBenchPage(
      ({ api, args }) => api.recompute(args.clients, args.messages, args.now, args.rounds),
      {
        clients: CLIENTS,
        messages: MESSAGES,
        now: NOW,
        rounds: ROUNDS,
      },
    );
    const read = median(figures.read);
    const full = median(figures.full);
    const incremental = median(figures.incremental);
    return {
      clients: figures.reports,
      messages: MESSAGES,
      readOnceMs: Math.round(read),
      fullRecomputeMs: Math.round(full),
      fullOverReadOnce: Math.round((full / read) * 100) / 100,
      incrementalAfterOneMessageMs: Math.round(incremental * 10) / 10,
      incrementalShareOfFull: `${((incremental / full) * 100).toFixed(2)}%`,
      targets: 'full within 2× of reading once; one new message under 1% of a full recompute',
    };
  },
};
