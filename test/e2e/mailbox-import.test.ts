import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// A real mailbox export imported through the options page of the built
// extension: every folder of one Enron person (../shared, skipped when absent).

const ROOT = path.resolve(import.meta.dirname, '../..');
const PERSON = path.resolve(ROOT, '../shared/data/email/enron-mbox/sager-e');
const ME = 'elizabeth.sager@enron.com';

interface CliReport {
  counts: { read: number; imported: number; duplicates: number };
  clients: { key: string }[];
}

let browser: ExtensionBrowser;
let options: Page;
let cli: CliReport;

describe.skipIf(!existsSync(PERSON))('importing a mailbox export in Chromium', () => {
  beforeAll(async () => {
    cli = JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'lib/cli/keepwarm.mjs'), 'report', PERSON, '--me', ME, '--json'],
        {
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        },
      ),
    );
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

  /** What is stored for the account, read from IndexedDB by an extension page. */
  function stored() {
    return options.evaluate(async (account) => {
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
    }, ME);
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
