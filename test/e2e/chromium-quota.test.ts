import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countStored, sendFrom } from './extension-page';
import { expectImportRefusedNotice, importBatch } from './import-batch';

// Chromium's own quota, lowered through the DevTools protocol until the
// browser itself refuses Keepwarm's writes: a real QuotaExceededError, which
// IndexedDB reports as the abort of the transaction at its commit, not the
// error thrown by a write that storage-limits.test.ts injects. Chromium checks
// a write against usage it updates lazily, so in a database already holding
// data the refusal comes within a few batches rather than at the first; this
// test starts from a fresh profile, where it comes at the first.

const ACCOUNT = 'quota@brightpath.studio';
const BATCH = 1000;

let browser: ExtensionBrowser;
let options: Page;
let cdp: CDPSession;
let origin: string;

beforeAll(async () => {
  browser = await launchWithExtension({ hosts: {} });
  options = await browser.openExtensionPage('options.html');
  cdp = await browser.context.newCDPSession(options);
  origin = `chrome-extension://${browser.extensionId}`;
});

afterAll(async () => {
  await browser?.close();
});

/** A batch of 1,000 messages with 1 kB snippets: about 1.5 MB stored. */
const batch = (n: number, now: number) =>
  importBatch({ account: ACCOUNT, first: n * BATCH, count: BATCH, snippet: 'x'.repeat(1000), now });

/** The storage problem the background recorded for the popup and options page, if any. */
const problem = () =>
  browser.serviceWorker.evaluate(async (key) => {
    const local = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, { operation: string }>> } } };
      }
    ).chrome.storage.local;
    return (await local.get(key))[key];
  }, 'storageProblem');

/** The account's count of imported messages, kept as batches are stored; undefined without an account row. */
const importedCount = () =>
  options.evaluate(
    (account) =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('accounts').objectStore('accounts').get(account);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { importedMessages?: number } | undefined)?.importedMessages);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    ACCOUNT,
  );

describe('when Chromium itself runs out of room', () => {
  it('refuses the whole batch, says so, and stores it once room is back', async () => {
    const now = Date.now();
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 4096 });
    let accepted = 0;
    let refused: number | undefined;
    try {
      for (let n = 0; n < 20 && refused === undefined; n += 1) {
        const reply = (await sendFrom(options, batch(n, now))) as { storageFull?: string; added?: number };
        if (reply.storageFull !== undefined) {
          expect(reply.storageFull).toMatch(/storage is full \(import\).*QuotaExceededError/);
          refused = n;
        } else accepted += reply.added ?? 0;
      }
      expect(refused).toBeDefined();
      expect(await problem()).toMatchObject({ operation: 'import' });
      // Every accepted batch whole, nothing of the refused one: neither its messages nor its count.
      expect(await countStored(options, { store: 'messages' })).toBe(accepted);
      expect(await importedCount()).toBe(accepted || undefined);
      await expectImportRefusedNotice(browser);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    expect(await sendFrom(options, batch(refused ?? 0, now))).toMatchObject({ added: BATCH });
    expect(await problem()).toBeUndefined();
    expect(await countStored(options, { store: 'messages' })).toBe(accepted + BATCH);
    expect(await importedCount()).toBe(accepted + BATCH);
  });
});
