import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCsv } from '../../lib/data/dashboard-csv';
import { accountIdentity } from '../../lib/engine/account-identity';
import { clientHistories } from '../../lib/engine/client-history';
import { buildDashboard, type Dashboard } from '../../lib/engine/dashboard';
import type { ClientOverride } from '../../lib/engine/overrides';
import { demoImportBatches } from '../demo/import-demo-mail';
import { generateMailbox } from '../demo/mailbox/generate';
import { mailMessagesOf } from '../demo/mailbox/mail-messages';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countStored, sendFrom } from './extension-page';

// The dashboard of the demo mailbox, imported into the built extension and
// given values and a tier: every number its tables show, and its CSV, must be
// what the engine gives in Node on the same mail with the same corrections.

let browser: ExtensionBrowser;
let dashboardPage: Page;
let expected: Dashboard;
let timeZone: string;
const mailbox = generateMailbox({ seed: 7, now: Date.now() });
const account = mailbox.accounts[0];
if (!account) throw new Error('the demo has no account');
const me = account.address;
const messages = mailMessagesOf(account);
const [valued, small, keyClient] = account.clients.map((c) => c.key);
if (!valued || !small || !keyClient) throw new Error('the demo has too few clients');
const corrections: Record<string, ClientOverride> = {
  [valued]: { value: 24_000 },
  [small]: { value: 1_500 },
  [keyClient]: { tier: 'key' },
};

interface StoredSummary {
  key: string;
  report: { displayName: string; value?: number; tier?: 'key' | 'standard' | 'minor'; risk: { score: number } };
}

/** The account's stored reports, read with the bare IndexedDB API. */
function storedReports(page: Page): Promise<StoredSummary[]> {
  return page.evaluate(
    (account) =>
      new Promise<StoredSummary[]>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('clients')
            .objectStore('clients')
            .getAll(IDBKeyRange.bound([account, ''], [account, '\uffff']));
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    me,
  );
}

/** Each row's numbers of one of the page's tables, as the cells keep them. */
function tableValues(page: Page, id: string): Promise<Record<string, (string | null)[]>> {
  return page.$$eval(`[data-testid="${id}"] tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-row') ?? '',
        [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value')),
      ]),
    ),
  );
}

const cell = (value: number | undefined) => (value === undefined ? null : String(value));
const byMonth = <T extends { month: string }>(rows: T[], pick: (row: T) => (number | undefined)[]) =>
  Object.fromEntries(rows.map((row) => [row.month, pick(row).map(cell)]));

beforeAll(async () => {
  browser = await launchWithExtension({ hosts: {} });
  const options = await browser.openExtensionPage('options.html');
  for (const batch of demoImportBatches(account)) await sendFrom(options, batch);
  await sendFrom(options, { type: 'ui/import-ended', account: me });
  // Each correction recomputes the account before it answers.
  for (const [clientKey, override] of Object.entries(corrections)) {
    await sendFrom(options, { type: 'ui/set-client-override', account: me, clientKey, override });
  }
  // The recompute the import's end scheduled may still run: the reports are read once none is pending.
  while ((await countStored(options, { store: 'recomputeMarks' })) > 0) await options.waitForTimeout(200);
  const reports = new Map((await storedReports(options)).map((row) => [row.key, row.report]));

  dashboardPage = await browser.context.newPage();
  await dashboardPage.goto(
    `chrome-extension://${browser.extensionId}/dashboard.html?account=${encodeURIComponent(me)}`,
  );
  const root = await dashboardPage.waitForSelector('[data-testid="dashboard"]', { timeout: 120_000 });
  const now = Number(await root.getAttribute('data-now'));
  timeZone = (await root.getAttribute('data-time-zone')) ?? '';
  const histories = clientHistories({
    messages,
    identity: accountIdentity(me),
    overrides: { clients: corrections },
    now,
  });
  expected = buildDashboard({
    clients: histories.map((history) => {
      const report = reports.get(history.key);
      if (!report) throw new Error(`no stored report of ${history.key}`);
      const { displayName: name, value, tier, risk } = report;
      return { ...history, name, chance: risk.score, ...(value !== undefined && { value }), ...(tier && { tier }) };
    }),
    now,
    timeZone,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the dashboard in Chromium', () => {
  it('shows the engine’s active clients, gained, came back and gone quiet, month by month', async () => {
    expect(timeZone).not.toBe('');
    const activeNow = await dashboardPage.getAttribute('[data-testid="active-now"]', 'data-value');
    expect(Number(activeNow)).toBe(expected.activeNow);
    expect(expected.activeNow).toBeGreaterThan(0);
    expect(await tableValues(dashboardPage, 'table-active')).toEqual(byMonth(expected.months, (m) => [m.active]));
    expect(await tableValues(dashboardPage, 'table-flow')).toEqual(
      byMonth(expected.months, (m) => [m.gained, m.returned, m.quiet]),
    );
    expect(expected.months.some((m) => m.quiet > 0)).toBe(true);
  });

  it('shows the value they represent and the reply times both ways', async () => {
    expect(await tableValues(dashboardPage, 'table-value')).toEqual(
      byMonth(expected.months, (m) => [m.gainedValue, m.returnedValue, m.quietValue]),
    );
    expect(await tableValues(dashboardPage, 'table-replies')).toEqual(
      byMonth(expected.months, (m) => [m.ourMedianReplyMs, m.ourReplies, m.theirMedianReplyMs, m.theirReplies]),
    );
    expect(expected.months.some((m) => m.ourReplies > 0 && m.theirReplies > 0)).toBe(true);
  });

  it('lists the value at risk first, then the first-90-days cohorts', async () => {
    const atRisk = await tableValues(dashboardPage, 'table-at-risk');
    expect(Object.keys(atRisk)).toEqual(expected.atRisk.map((c) => c.key));
    expect(atRisk).toEqual(
      Object.fromEntries(expected.atRisk.map((c) => [c.key, [c.chance, c.value, c.valueAtRisk].map(cell)])),
    );
    expect(await tableValues(dashboardPage, 'table-cohort')).toEqual(
      Object.fromEntries(
        expected.cohorts.map((c) => [c.month, [c.clients, c.reached90Days, c.activeAt90Days, c.activeNow].map(cell)]),
      ),
    );
  });

  it('draws each chart', async () => {
    expect(await dashboardPage.locator('.kw-chart canvas').count()).toBe(5);
  });

  it('exports the whole dashboard as the CSV of the engine’s numbers', async () => {
    const [download] = await Promise.all([
      dashboardPage.waitForEvent('download'),
      dashboardPage.click('[data-testid="export-csv"]'),
    ]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/^keepwarm-dashboard-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync(file, 'utf8')).toBe(dashboardCsv(expected, me, timeZone));
  });

  it('opens a client at risk in the side panel’s page', async () => {
    const first = expected.atRisk[0];
    if (!first) throw new Error('no client at risk in the demo');
    const [panel] = await Promise.all([
      browser.context.waitForEvent('page'),
      dashboardPage.click(`[data-testid="table-at-risk"] tr[data-row="${first.key}"] button`),
    ]);
    await panel.waitForSelector(`[data-testid="client-view"][data-client="${first.key}"]`, { timeout: 60_000 });
    await panel.close();
  });

  it('is linked from the popup, for the account', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const link = popup.locator('[data-testid="dashboard-link"]');
    await expect.poll(() => link.getAttribute('href')).toBe(`/dashboard.html?account=${encodeURIComponent(me)}`);
    await popup.close();
  });
});
