import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type ImportBatch, importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import { launchWithExtension } from '../../e2e/chromium';

// The extension's import in Chromium, timed from the click to the last stored
// batch, against the same messages sent straight to the background (ingest
// only: no reading, no parsing). The peak memory is the resident set of the
// extension's renderer process, where the options page and its worker run.

export interface ChromiumImportFigures {
  messages: number;
  read: number;
  megabytes: number;
  importSeconds: number;
  /** Until the first batch was stored: how soon storing starts to overlap reading. */
  untilFirstBatchStoredSeconds: number;
  messagesReadPerSecond: number;
  ingestOnlySeconds: number;
  /** The median of the turns' own ratios of import time to ingest-only time. */
  importToIngestRatio: number;
  /** Median import time over median ingest-only time, for comparison with earlier figures. */
  ratioOfMedians: number;
  /** Each turn's own ratio, to show the spread. */
  turnRatios: number[];
  extensionRendererBeforeMB: number;
  peakExtensionRendererMB: number;
  peakExtensionRendererGrowthMB: number;
}

/** Resident memory of the extension renderer processes, in MB (Linux /proc). */
function extensionRendererRss(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes('--extension-process')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended while it was being read.
    }
  }
  return kb / 1024;
}

async function withOptionsPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const browser = await launchWithExtension({ hosts: {} });
  try {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForSelector('[data-testid=import-start]');
    return await run(page);
  } finally {
    await browser.close();
  }
}

async function importThroughPage(target: string, me: string) {
  return withOptionsPage(async (page) => {
    await page.fill('[data-testid=import-me]', me);
    const input = statSync(target).isDirectory() ? 'import-folder' : 'import-files';
    await page.setInputFiles(`[data-testid=${input}]`, target);
    // Clicked only once the page took the files in, or the click would start nothing.
    await page.waitForSelector('[data-testid=import-chosen]');
    const before = extensionRendererRss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, extensionRendererRss());
    }, 50);
    // Timed in the page, from the click to the "done" state, so the driver's polling is not counted.
    const timing = await page.evaluate(
      () =>
        new Promise<{ seconds: number; parseSeconds: number }>((resolve, reject) => {
          const start = performance.now();
          let parsed = 0;
          const observer = new MutationObserver(() => {
            const stored = document.querySelector('[data-testid=import-stored]')?.textContent ?? '';
            if (!parsed && /[1-9]/.test(stored)) parsed = performance.now();
            const phase = document.querySelector('[data-testid=import-progress]')?.getAttribute('data-phase');
            if (phase === 'done') {
              observer.disconnect();
              const end = performance.now();
              resolve({ seconds: (end - start) / 1000, parseSeconds: ((parsed || end) - start) / 1000 });
            } else if (phase === 'failed' || phase === 'cancelled') {
              observer.disconnect();
              reject(new Error(`the import ended ${phase}: ${document.body.innerText.slice(0, 500)}`));
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          document.querySelector<HTMLButtonElement>('[data-testid=import-start]')?.click();
        }),
    );
    clearInterval(sampler);
    const read = Number((await page.textContent('[data-testid=import-read]'))?.replace(/\D/g, ''));
    return { ...timing, read, before, peak };
  });
}

async function ingestOnly(batches: ImportBatch[], me: string): Promise<number> {
  return withOptionsPage((page) =>
    page.evaluate(
      async ({ batches, me }) => {
        // The extension page's own messaging API, untyped here since the bench is not extension code.
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const start = performance.now();
        for (const { messages, moves } of batches) {
          const reply = await runtime.sendMessage({ type: 'ui/import-batch', account: me, messages, moves });
          if (!reply || typeof reply !== 'object' || 'refused' in reply)
            throw new Error(`batch refused: ${JSON.stringify(reply)}`);
        }
        return (performance.now() - start) / 1000;
      },
      { batches, me },
    ),
  );
}

// The machine is shared and noisy: import and ingest-only run in turns, in
// alternating order so that neither always meets the other's leftovers, and
// the ratio is the median of the turns' own ratios: a slow spell of the
// machine slows both halves of a turn, not one median more than the other.
const TURNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Imports a folder or one mbox file through the options page, then the same messages through ingest alone, in turns. */
export async function chromiumImport(target: string, me: string): Promise<ChromiumImportFigures> {
  const sources = await mailboxSourcesAt(target);
  const batches: ImportBatch[] = [];
  for await (const batch of importMailbox(sources)) batches.push(batch);
  const messages = batches.reduce((sum, batch) => sum + batch.messages.length, 0);
  const turns = [];
  for (let turn = 0; turn < TURNS; turn++) {
    if (turn % 2 === 0) {
      const full = await importThroughPage(target, me);
      turns.push({ full, ingestSeconds: await ingestOnly(batches, me) });
    } else {
      const ingestSeconds = await ingestOnly(batches, me);
      turns.push({ full: await importThroughPage(target, me), ingestSeconds });
    }
  }
  const turnRatios = turns.map((t) => t.full.seconds / t.ingestSeconds);
  const importSeconds = median(turns.map((t) => t.full.seconds));
  const ingestSeconds = median(turns.map((t) => t.ingestSeconds));
  const read = turns[0]?.full.read ?? 0;
  const before = median(turns.map((t) => t.full.before));
  const peak = Math.max(...turns.map((t) => t.full.peak));
  const bytes = sources.reduce((sum, source) => sum + (source.size ?? 0), 0);
  return {
    messages,
    read,
    megabytes: bytes / 1e6,
    importSeconds,
    untilFirstBatchStoredSeconds: median(turns.map((t) => t.full.parseSeconds)),
    messagesReadPerSecond: Math.round(read / importSeconds),
    ingestOnlySeconds: ingestSeconds,
    importToIngestRatio: median(turnRatios),
    ratioOfMedians: importSeconds / ingestSeconds,
    turnRatios,
    extensionRendererBeforeMB: before,
    peakExtensionRendererMB: peak,
    peakExtensionRendererGrowthMB: peak - before,
  };
}
