import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countStored } from './extension-page';

// A real mailbox export imported through the options page of the built
// extension: every folder of one Enron person (../shared, skipped when absent).

const ROOT = path.resolve(import.meta.dirname, '../..');
const PERSON = path.resolve(ROOT, '../shared/data/email/enron-mbox/sager-e');
const ME = 'elizabeth.sager@enron.com';
// Enron gives each folder's copy of a message its own Message-ID: every message of this
// folder is also in another folder of the same person, under another id.
const OTHER_PERSON = path.resolve(ROOT, '../shared/data/email/enron-mbox/buy-r');
const ONE_FOLDER = path.join(OTHER_PERSON, 'enron.buy-r.sent');
const OTHER_ME = 'rick.buy@enron.com';

interface CliReport {
  counts: { read: number; imported: number; duplicates: number };
  clients: { key: string; risk: number; level: string; metrics: unknown }[];
}

function cliReport(target: string, me: string, extra: string[] = []): CliReport {
  return JSON.parse(
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'lib/cli/keepwarm.mjs'), 'report', target, '--me', me, '--json', ...extra],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    ),
  );
}

/**
 * Where the two reports differ, as paths: numbers within a relative 1e-8, the
 * rest as JSON carries it (no undefined fields). The BG/NBD fit runs in
 * Chromium's V8 and in Node's, whose Math.exp and Math.log may differ in the
 * last bit, and its quasi-Newton steps stop where the gradient is under 1e-9,
 * so those bits move the fitted parameters, and P(alive), by about 1e-10.
 */
function differences(actual: unknown, expected: unknown, at = ''): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(Math.abs(actual), Math.abs(expected), 1e-300);
    return Math.abs(actual - expected) / scale <= 1e-8 ? [] : [`${at}: ${actual} ≠ ${expected}`];
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set(
      [...Object.keys(a), ...Object.keys(e)].filter((k) => a[k] !== undefined || e[k] !== undefined),
    );
    return [...keys].flatMap((key) => differences(a[key], e[key], `${at}.${key}`));
  }
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

interface StoredReport {
  computedAt: number;
  report: { key: string; risk: { score: number; level: string }; metrics: unknown };
}

/** The account's stored client reports, read from IndexedDB by an extension page. */
function reportsFor(page: Page, account: string): Promise<StoredReport[]> {
  return page.evaluate(async (account) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keepwarm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<StoredReport[]>((resolve, reject) => {
      const request = db
        .transaction('clients')
        .objectStore('clients')
        .getAll(IDBKeyRange.bound([account, ''], [account, '\uffff']));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, account);
}

/** What is stored for the account, read from IndexedDB by an extension page. */
function storedFor(page: Page, account: string) {
  return page.evaluate(async (account) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keepwarm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const range = IDBKeyRange.bound([account, ''], [account, '\uffff']);
    const tx = db.transaction(['messages', 'clients'], 'readonly');
    const messages = tx.objectStore('messages').count(range);
    const clients = tx.objectStore('clients').getAll(range);
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
    const rows = clients.result as { key: string; riskScore: number; report: { risk: { reasons: unknown[] } } }[];
    return {
      messages: messages.result,
      clients: rows.map((c) => c.key).sort(),
      withReasons: rows.filter((c) => c.report.risk.reasons.length > 0).length,
    };
  }, account);
}

let browser: ExtensionBrowser;
let options: Page;
let cli: CliReport;

describe.skipIf(!existsSync(PERSON))('importing a mailbox export in Chromium', () => {
  beforeAll(async () => {
    cli = cliReport(PERSON, ME);
    browser = await launchWithExtension({ hosts: {} });
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function startImport() {
    await options.fill('[data-testid=import-me]', ME);
    await options.setInputFiles('[data-testid=import-folder]', PERSON);
    await options.click('[data-testid=import-start]');
  }

  async function finished(phase: 'done' | 'cancelled') {
    await options.waitForSelector(`[data-testid=import-progress][data-phase=${phase}]`, { timeout: 120_000 });
  }

  function stored() {
    return storedFor(options, ME);
  }

  it('links to the import from the popup’s first-run state', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const link = popup.locator('[data-testid=import-link]');
    await expect.poll(() => link.getAttribute('href')).toBe('/options.html#import');
    await popup.close();
  });

  it('cancelled half-way, then imported again, ends as one clean import: the same messages and clients as keepwarm report', async () => {
    await startImport();
    // Cancel once the first batch is stored and before the last.
    await options.waitForFunction(
      () => !/^0\b/.test(document.querySelector('[data-testid=import-stored]')?.textContent ?? '0'),
      undefined,
      { timeout: 120_000 },
    );
    await options.click('[data-testid=import-cancel]');
    await finished('cancelled');
    const partial = await stored();
    expect(partial.messages).toBeGreaterThan(0);
    expect(partial.messages).toBeLessThan(cli.counts.imported);

    await startImport();
    await finished('done');
    expect(await options.textContent('[data-testid=import-read]')).toContain(cli.counts.read.toLocaleString('en'));
    const expectedClients = cli.clients.map((c) => c.key).sort();
    await expect.poll(async () => (await stored()).clients, { timeout: 30_000 }).toEqual(expectedClients);
    const complete = await stored();
    expect(complete.messages).toBe(cli.counts.imported);
    expect(complete.withReasons).toBeGreaterThan(0);
  });

  it('importing the same folder again changes nothing', async () => {
    const before = await stored();
    await startImport();
    await finished('done');
    expect(await stored()).toEqual(before);
  });

  it('shows the person’s clients with their risks in the popup and the side panel', async () => {
    for (const page of ['popup.html', 'sidepanel.html'] as const) {
      const tab = await browser.openExtensionPage(page);
      const risky = tab.locator('[data-testid=risk-list] li');
      await expect.poll(() => risky.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await risky.first().innerText()).toMatch(/\d/);
      // No Gmail visit yet: the account is watched all the same, with what was imported.
      if (page === 'popup.html') {
        const imported = new Intl.NumberFormat('en').format(cli.counts.imported);
        expect(await tab.textContent('footer [data-testid=accounts]')).toMatch(
          new RegExp(`${ME.replace(/\./g, '\\.')} \\(imported .+, ${imported} messages\\)`),
        );
      }
      await tab.close();
    }
  });

  it('gives each client the reply times and risk keepwarm report gives as of the same moment', async () => {
    // A recompute still owed to the re-import would rewrite some clients after the refresh.
    await expect
      .poll(() => countStored(options, { store: 'recomputeMarks', index: 'account', key: ME }), { timeout: 60_000 })
      .toBe(0);
    // The periodic refresh, due at once: one full recompute of every client at one moment.
    const asked = Date.now();
    await browser.serviceWorker.evaluate("chrome.alarms.create('keepwarm-refresh', { when: Date.now() })");
    let rows: StoredReport[] = [];
    await expect
      .poll(
        async () => {
          rows = await reportsFor(options, ME);
          const moments = new Set(rows.map((row) => row.computedAt));
          return moments.size === 1 && (rows[0]?.computedAt ?? 0) >= asked;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const asOf = new Date(rows[0]?.computedAt ?? 0).toISOString();
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    const fromCli = cliReport(PERSON, ME, ['--as-of', asOf]).clients.map((c) => ({
      key: c.key,
      score: c.risk,
      level: c.level,
      metrics: c.metrics,
    }));
    const fromExtension = rows.map(({ report }) => ({
      key: report.key,
      score: report.risk.score,
      level: report.risk.level,
      metrics: report.metrics,
    }));
    expect(fromExtension.length).toBeGreaterThan(0);
    expect(differences(fromExtension.sort(byKey), fromCli.sort(byKey))).toEqual([]);
  });

  it('refuses a file that is not a mailbox with a clear error', async () => {
    await options.reload();
    await options.fill('[data-testid=import-me]', ME);
    await options.setInputFiles(
      '[data-testid=import-files]',
      path.join(ROOT, 'test/fixtures/mail-import/not-mail.csv'),
    );
    await options.click('[data-testid=import-start]');
    await expect
      .poll(() => options.textContent('[data-testid=import-error]'))
      .toMatch(/not-mail\.csv is not a mailbox .*Nothing was imported/);
  });
});

describe.skipIf(!existsSync(OTHER_PERSON))('importing one folder, then the whole mailbox', () => {
  let page: Page;
  let other: ExtensionBrowser;
  let whole: CliReport;
  let folder: CliReport;

  beforeAll(async () => {
    whole = cliReport(OTHER_PERSON, OTHER_ME);
    folder = cliReport(ONE_FOLDER, OTHER_ME);
    other = await launchWithExtension({ hosts: {} });
    page = await other.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await other?.close();
  });

  async function importFrom(target: string, input: 'import-files' | 'import-folder') {
    await page.reload();
    await page.fill('[data-testid=import-me]', OTHER_ME);
    await page.setInputFiles(`[data-testid=${input}]`, target);
    await page.click('[data-testid=import-start]');
    const ended = await page.waitForSelector(
      '[data-testid=import-progress]:is([data-phase=done],[data-phase=failed],[data-phase=cancelled])',
      { timeout: 120_000 },
    );
    // A failed import says why in the test's failure, not only as a timeout.
    const error = (await page.$('[data-testid=import-error]'))
      ? await page.textContent('[data-testid=import-error]')
      : '';
    expect({ phase: await ended.getAttribute('data-phase'), error }).toEqual({ phase: 'done', error: '' });
  }

  it('ends with what one import of the whole mailbox stores: the messages and clients of keepwarm report', async () => {
    await importFrom(ONE_FOLDER, 'import-files');
    expect((await storedFor(page, OTHER_ME)).messages).toBe(folder.counts.imported);

    await importFrom(OTHER_PERSON, 'import-folder');
    // The folder's copies under other Message-IDs are left out as duplicates, not stored twice.
    const leftOut = whole.counts.duplicates + folder.counts.imported;
    expect(await page.textContent('[data-testid=import-duplicates]')).toContain(leftOut.toLocaleString('en'));
    const expectedClients = whole.clients.map((c) => c.key).sort();
    await expect
      .poll(async () => (await storedFor(page, OTHER_ME)).clients, { timeout: 30_000 })
      .toEqual(expectedClients);
    expect((await storedFor(page, OTHER_ME)).messages).toBe(whole.counts.imported);
  }, 240_000);
});
