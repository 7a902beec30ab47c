import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../e2e/chromium';
import type { Benchmark } from './benchmark';
import type { IngestBenchApi } from './ingest-entry';

// Ingest of 100,000 messages into Chromium's IndexedDB through the store's
// ingest, against raw IndexedDB puts of the same records in one transaction
// (the floor). Rounds alternate the two on fresh databases and keep medians.
// Target: ingest in batches within 1.5× of the raw puts.

const CLIENTS = 5000;
const MESSAGES = 100_000;
const ROUNDS = 3;
const NOW = Date.UTC(2026, 10, 20, 12);
const TARGET_INGEST_OVER_RAW = 1.5;

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'ingest-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    alias: { '@': path.resolve(import.meta.dirname, '../..') },
    define: { 'import.meta.env.DEV': 'false' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Runs `fn` in a Chromium page holding the store's code; IndexedDB needs a real origin, so a loopback server serves it. */
export async function inBenchPage<A, R>(
  fn: (input: { api: IngestBenchApi; args: A }) => Promise<R>,
  args: A,
): Promise<R> {
  const script = await bundle();
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><script>${script.replaceAll('</script', '<\\/script')}</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
    const api = await page.evaluateHandle(
      () => (globalThis as unknown as { keepwarmIngestBench: IngestBenchApi }).keepwarmIngestBench,
    );
    return (await page.evaluate(fn as never, { api, args })) as R;
  } finally {
    await browser.close();
    server.close();
  }
}

export const ingestIndexedDb: Benchmark = {
  name: 'ingest-indexeddb',
  async run() {
    const figures = await inBenchPage(
      async ({ api, args: { clients, messages, rounds, now } }) => {
        const observations = api.observations(clients, messages, now);
        const raw: number[] = [];
        const batched: number[] = [];
        const big: number[] = [];
        const single: number[] = [];
        for (let round = 0; round < rounds; round++) {
          raw.push(await api.rawPuts(observations));
          batched.push(await api.ingest(observations, 1000));
          big.push(await api.ingest(observations, 5000));
          single.push(await api.ingest(observations, observations.length));
        }
        return { count: observations.length, raw, batched, big, single };
      },
      { clients: CLIENTS, messages: MESSAGES, rounds: ROUNDS, now: NOW },
    );
    const raw = median(figures.raw);
    const batched = median(figures.batched);
    const big = median(figures.big);
    const single = median(figures.single);
    const perSecond = (ms: number) => Math.round(figures.count / (ms / 1000));
    const ratio = (ms: number) => Math.round((ms / raw) * 100) / 100;
    return {
      messages: figures.count,
      rawPutsOneTransactionMs: Math.round(raw),
      ingestMs: { batchesOf1000: Math.round(batched), batchesOf5000: Math.round(big), oneCall: Math.round(single) },
      recordsPerSecond: { raw: perSecond(raw), ingestBatchesOf5000: perSecond(big), ingestOneCall: perSecond(single) },
      ingestOverRaw: { batchesOf1000: ratio(batched), batchesOf5000: ratio(big), oneCall: ratio(single) },
      target: `ingest within ${TARGET_INGEST_OVER_RAW}× of raw puts`,
      withinTarget: {
        batchesOf1000: batched <= TARGET_INGEST_OVER_RAW * raw,
        batchesOf5000: big <= TARGET_INGEST_OVER_RAW * raw,
        oneCall: single <= TARGET_INGEST_OVER_RAW * raw,
      },
    };
  },
};
