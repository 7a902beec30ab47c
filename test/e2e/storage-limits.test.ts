import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countStored, sendFrom } from './extension-page';
import { expectImportRefusedNotice, importBatch } from './import-batch';

// Storage limits in the built extension: a write IndexedDB refuses for lack of
// room, half-writing nothing; the notice a full disk leaves in the popup and
// the options page, gone once a write succeeds again; and how long mail is
// kept, applied as soon as the user saves it.

const MONTH = 30 * 86_400_000;

let server: DemoServer;
let browser: ExtensionBrowser;

interface Snippets {
  messages: number;
  /** Messages older than `before` that still have a snippet. */
  olderWithSnippet: number;
  newerWithSnippet: number;
  pending: number;
}

function snippets(page: Page, before: number): Promise<Snippets> {
  return page.evaluate(
    (before) =>
      new Promise<Snippets>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['messages', 'recomputeMarks'], 'readonly');
          const messages = tx.objectStore('messages').getAll();
          const pending = tx.objectStore('recomputeMarks').count();
          tx.oncomplete = () => {
            db.close();
            const rows = messages.result as { at: number; snippet: string }[];
            resolve({
              messages: rows.length,
              olderWithSnippet: rows.filter((m) => m.at < before && m.snippet !== '').length,
              newerWithSnippet: rows.filter((m) => m.at >= before && m.snippet !== '').length,
              pending: pending.result,
            });
          };
        };
      }),
    before,
  );
}

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  const gmail = await browser.context.newPage();
  // Later pages of the inbox reach mail older than a month.
  for (const view of ['#inbox', '#inbox/p4', '#inbox/p8']) {
    await gmail.goto(`https://mail.google.com/mail/u/0/${view}`);
    await gmail.waitForSelector('tr.zA');
  }
  const options = await browser.openExtensionPage('options.html');
  // The list's observations stored and recomputed before a test looks at them.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const stored = await snippets(options, 0);
    if (stored.messages >= 150 && stored.pending === 0) break;
    if (Date.now() > deadline) throw new Error('the Gmail list was not stored');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await options.close();
  await gmail.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('storage limits', () => {
  it('shows a full disk in the popup and the options page until a later write succeeds', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.waitForSelector('#settings form');
    // What the background records when IndexedDB refuses a write with QuotaExceededError.
    await browser.serviceWorker.evaluate(
      (problem) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
        ).chrome.storage.local.set({ storageProblem: problem }),
      { operation: 'import', at: Date.now(), detail: 'QuotaExceededError' },
    );
    const popup = await browser.openExtensionPage('popup.html');
    for (const page of [popup, options]) {
      await expect
        .poll(() => page.locator('[data-testid=storage-full]').textContent())
        .toMatch(/^Keepwarm’s storage is full: the browser refused to save a batch of imported mail on /);
      expect(await page.locator('[data-testid=storage-full]').textContent()).toContain(
        'To make room, keep snippets or messages for fewer months',
      );
    }
    expect(await popup.locator('[data-testid=storage-full] a').getAttribute('href')).toMatch(/options\.html#storage$/);

    // Any write that goes through again, here saving the settings, clears it on every open page.
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => options.getByTestId('settings-saved').textContent(), { timeout: 30_000 })
      .toBe('Settings saved.');
    for (const page of [popup, options]) {
      await expect.poll(() => page.locator('[data-testid=storage-full]').count()).toBe(0);
    }
    await popup.close();
    await options.close();
  });

  it('clears the snippets of mail older than the months set, right after saving, and shows what it did', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.waitForSelector('#settings form');
    expect(await options.getByTestId('storage-estimate').textContent()).toMatch(
      /^Keepwarm uses .* of the .* allows it/,
    );
    const before = Date.now() - MONTH;
    const start = await snippets(options, before);
    expect(start.olderWithSnippet).toBeGreaterThan(0);

    await options.getByLabel('Keep message snippets for this many months').fill('1');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => options.getByTestId('retention-last-run').textContent(), { timeout: 30_000 })
      .toMatch(/^Last cleanup .*: [\d,]+ snippets cleared, 0 messages and 0 threads forgotten\.$/);
    // Calendar months differ from 30 days by a day or two: count a margin either side as undecided.
    const after = await snippets(options, before - 3 * 86_400_000);
    expect(after.olderWithSnippet).toBe(0);
    expect(after.messages).toBe(start.messages);
    expect(after.newerWithSnippet).toBeGreaterThan(0);
    await expect.poll(async () => (await snippets(options, before)).pending, { timeout: 30_000 }).toBe(0);

    await options.getByLabel('Forget messages older than this many months').fill('3');
    await options.getByRole('button', { name: 'Save settings' }).click();
    expect(await options.locator('[data-field-error="retention.forgetMonths"]').textContent()).toBe(
      'Enter 0, or a whole number of months from 6 to 240.',
    );
    await options.close();
  });

  it('refuses a whole import batch when IndexedDB says the disk is full, says so, and stores it once room is back', async () => {
    const options = await browser.openExtensionPage('options.html');
    const account = 'quota@brightpath.studio';
    const now = Date.now();
    const batch = importBatch({ account, first: 0, count: 200, snippet: 'Where is it?', now });
    const send = () => sendFrom(options, batch);
    // Chromium applies a lowered quota too lazily to refuse a chosen write, so the service worker's
    // IndexedDB refuses the messages' writes the way it does when the disk is full, in the middle of
    // the batch's transaction: the account's row is already written by then.
    const setDiskFull = (full: boolean) =>
      browser.serviceWorker.evaluate((full) => {
        const store = IDBObjectStore.prototype as IDBObjectStore & {
          keepwarmRoom?: Pick<IDBObjectStore, 'put' | 'add'>;
        };
        store.keepwarmRoom ??= { put: store.put, add: store.add };
        const room = store.keepwarmRoom;
        for (const method of ['put', 'add'] as const) {
          store[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            if (full && this.name === 'messages')
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return room[method].apply(this, args);
          };
        }
      }, full);
    const accountRows = () => countStored(options, { store: 'accounts', key: account });
    const before = await snippets(options, 0);

    await setDiskFull(true);
    try {
      expect(await send()).toEqual({ storageFull: expect.stringMatching(/storage is full \(import\)/) });
      expect((await snippets(options, 0)).messages).toBe(before.messages);
      expect(await accountRows()).toBe(0);
      await expectImportRefusedNotice(browser);
    } finally {
      await setDiskFull(false);
    }

    expect(await send()).toMatchObject({ added: 200 });
    expect((await snippets(options, 0)).messages).toBe(before.messages + 200);
    expect(await accountRows()).toBe(1);
    await expect.poll(() => options.locator('[data-testid=storage-full]').count()).toBe(0);
    await options.close();
  });
});
