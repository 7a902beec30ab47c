import { chromium } from 'playwright-core';
import { renderGmailHtml } from '../demo/gmail/render-page';
import { generateMailbox } from '../demo/mailbox/generate';
import { findChromium } from '../e2e/chromium';
import type { Benchmark } from './benchmark';
import { bundleForPage } from './gmail-extraction';

// The badges' share of the Gmail content script's main-thread time for a
// 100-row list, every row a client (the worst case), style and layout
// included; beside it, what reading the same 100 rows already costs and what
// Gmail's own re-render of them (new rows, style and layout) costs.

const NOW = Date.UTC(2026, 10, 20, 12);
const ROUNDS = 25;

type Api = {
  RiskBadges: new (
    doc: Document,
    source: { ask(ids: string[]): Promise<unknown>; open(): void },
  ) => { render(spots: unknown[]): void; destroy(): void };
  rowBadgeSpots(rows: Element[], readingOf: (row: Element) => unknown): { spots: unknown[] };
  extractThreadRow(row: Element, ctx: object): { record: { threadId?: string }; failed: string[] };
};

export const gmailBadges: Benchmark = {
  name: 'gmail-badges',
  async run() {
    const mailbox = generateMailbox({ seed: 7, now: NOW, extraClients: 60 });
    const html = renderGmailHtml(mailbox, { accountIndex: 0, hash: '#inbox', timeZone: 'UTC', pageSize: 100 });
    const bundle = await bundleForPage('badges-entry.ts');
    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.route('https://mail.google.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: html }),
      );
      await page.goto('https://mail.google.com/mail/u/0/');
      await page.addScriptTag({ content: bundle });
      await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
      return await page.evaluate(
        async ({ rounds, now }) => {
          const api = (globalThis as unknown as { keepwarmBadgesBench: Api }).keepwarmBadgesBench;
          const ctx = { myAddresses: ['olena@brightpath.studio'], now };
          const rows = () => [...document.querySelectorAll('[gh=tl] tr.zA[id]')];
          let readings = new WeakMap<Element, { threadId?: string; failed: string[] }>();
          const read = () => {
            for (const row of rows()) {
              const { record, failed } = api.extractThreadRow(row, ctx);
              readings.set(row, { threadId: record.threadId, failed });
            }
          };
          const spots = () => api.rowBadgeSpots(rows(), (row) => readings.get(row)).spots;
          const risk = (threadId: string) => ({
            threadId,
            clientKey: `client-${threadId}`,
            name: `Client ${threadId}`,
            level: 'high',
            score: 60,
            levelText: 'High',
            scoreText: 'risk 60 of 100',
            reasons: [
              { kind: 'silence', text: 'last exchange 40 days ago (their message) — expected about every 12 days' },
            ],
            label: `Client ${threadId}: High risk`,
          });
          const source = {
            ask: async (ids: string[]) => ({ threads: ids.map(risk), openHint: 'Click to open' }),
            open() {},
          };
          // The fake background answers at once: a few microtask turns see the answer drawn, with no frame between.
          const settle = async () => {
            for (let turn = 0; turn < 10; turn++) await Promise.resolve();
          };
          const layout = () => document.body.getBoundingClientRect().height;
          const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
          const rerenderRows = () => {
            for (const row of rows()) {
              const clone = row.cloneNode(true) as Element;
              for (const badge of clone.querySelectorAll('keepwarm-badge')) badge.remove();
              row.replaceWith(clone);
            }
            readings = new WeakMap();
          };

          const first: number[] = [];
          const firstScript: number[] = [];
          const gmailOwn: number[] = [];
          const steady: number[] = [];
          const rerender: number[] = [];
          const extraction: number[] = [];
          for (let round = 0; round < rounds; round++) {
            let start = performance.now();
            rerenderRows();
            layout();
            gmailOwn.push(performance.now() - start);
            start = performance.now();
            read();
            layout();
            extraction.push(performance.now() - start);

            const badges = new api.RiskBadges(document, source);
            start = performance.now();
            badges.render(spots());
            await settle();
            firstScript.push(performance.now() - start);
            layout();
            first.push(performance.now() - start);

            start = performance.now();
            badges.render(spots());
            layout();
            steady.push(performance.now() - start);

            rerenderRows();
            read();
            layout();
            start = performance.now();
            badges.render(spots());
            layout();
            rerender.push(performance.now() - start);
            badges.destroy();
          }
          const round2 = (ms: number) => Math.round(ms * 100) / 100;
          return {
            rows: rows().length,
            rounds,
            badgeMainThreadMsPer100Rows: {
              firstRender: round2((median(first) * 100) / rows().length),
              firstRenderScriptOnly: round2((median(firstScript) * 100) / rows().length),
              gmailRerender: round2((median(rerender) * 100) / rows().length),
              nothingChanged: round2((median(steady) * 100) / rows().length),
            },
            baselineReadingRowsMsPer100Rows: round2((median(extraction) * 100) / rows().length),
            baselineGmailOwnRerenderMsPer100Rows: round2((median(gmailOwn) * 100) / rows().length),
          };
        },
        { rounds: ROUNDS, now: NOW },
      );
    } finally {
      await browser.close();
    }
  },
};
