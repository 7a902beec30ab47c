import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// Gmail changes its markup: here the thread ids vanish from every row. The
// extractor reports the page unhealthy, no badge is drawn from it, and the
// popup says the account's data may be incomplete instead of passing it off.

const ACCOUNT = 'olena@brightpath.studio';
let server: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  // Before any page script: strip the ids from every element the page ever adds.
  await browser.context.addInitScript(() => {
    const strip = (root: ParentNode) => {
      for (const el of root.querySelectorAll('[data-thread-id], [data-legacy-thread-id]')) {
        el.removeAttribute('data-thread-id');
        el.removeAttribute('data-legacy-thread-id');
      }
    };
    new MutationObserver(() => strip(document)).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-thread-id', 'data-legacy-thread-id'],
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function listHealthy(): Promise<boolean | undefined> {
  return browser.serviceWorker.evaluate(
    (account) =>
      new Promise<boolean | undefined>((resolve) => {
        const open = indexedDB.open('keepwarm');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('accounts')) {
            db.close();
            resolve(undefined);
            return;
          }
          const request = db.transaction('accounts').objectStore('accounts').get(account);
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { listHealth?: { healthy: boolean } } | undefined)?.listHealth?.healthy);
          };
        };
      }),
    ACCOUNT,
  );
}

describe('a Gmail page that no longer reads well', () => {
  it('draws no badge and says the data may be incomplete', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    await expect.poll(listHealthy, { timeout: 15_000 }).toBe(false);
    await gmail.waitForTimeout(1000);
    expect(await gmail.locator('keepwarm-badge').count()).toBe(0);

    const popup = await browser.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.locator('[data-testid=incomplete-data]').textContent(), { timeout: 10_000 })
      .toContain(ACCOUNT);
    await popup.close();
    await gmail.close();
  });
});
