import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoThread } from '../demo/mailbox/types';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// From what Gmail shows to what the popup says: the content script reads the
// demo's list and conversations, the background stores and analyses them, and
// the popup lists the client who is waiting.

let server: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function lastThreadOf(clientKey: string): DemoThread {
  const thread = server.mailbox.accounts[0]?.threads.find((t) => t.clientKey === clientKey);
  if (!thread) throw new Error(`no thread for ${clientKey}`);
  return thread;
}

async function storedCounts(account = 'olena@brightpath.studio') {
  return browser.serviceWorker.evaluate(async (account) => {
    const empty = { messages: 0, threads: 0 };
    // Opening a database that does not exist yet would create an empty one under Keepwarm's name.
    if (!(await indexedDB.databases()).some((d) => d.name === 'keepwarm')) return empty;
    return new Promise<{ messages: number; threads: number }>((resolve, reject) => {
      const open = indexedDB.open('keepwarm');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('threads')) {
          db.close();
          resolve(empty);
          return;
        }
        const tx = db.transaction(['messages', 'threads'], 'readonly');
        const range = IDBKeyRange.bound([account, ''], [account, '\uffff']);
        const messages = tx.objectStore('messages').count(range);
        const threads = tx.objectStore('threads').count(range);
        tx.oncomplete = () => {
          db.close();
          resolve({ messages: messages.result, threads: threads.result });
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, account);
}

describe('Gmail observations reach the popup', () => {
  it('stores every thread row of the inbox once', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    await expect.poll(async () => (await storedCounts()).threads, { timeout: 10_000 }).toBe(50);
    // A re-render with nothing new changes nothing.
    await gmail.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await gmail.waitForTimeout(800);
    expect((await storedCounts()).threads).toBe(50);
    await gmail.close();
  });

  it('reads an opened conversation and lists the client waiting on the user', async () => {
    const waitingKey = server.mailbox.scenarios.waitingOnUs[0] as string;
    const thread = lastThreadOf(waitingKey);
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    await gmail.click(`tr[data-demo-token="${thread.token}"]`);
    await gmail.waitForSelector('h2.hP');
    expect(new URL(gmail.url()).hash).toBe(`#inbox/${thread.token}`);

    await expect
      .poll(
        async () => {
          const popup = await browser.openExtensionPage('popup.html');
          // Every waiting row: where this client ranks depends on how long the
          // demo's other clients have waited, which moves with the clock.
          await popup
            .locator('[data-side="onYou"]')
            .first()
            .waitFor({ timeout: 2000 })
            .catch(() => undefined);
          const texts = await popup.locator('[data-side="onYou"]').allInnerTexts();
          await popup.close();
          return texts.join('\n');
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toContain(waitingKey);
    // The toolbar count is set just after the reports are stored that the popup already shows.
    const badge = () =>
      browser.serviceWorker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(async () => Number(await badge()), { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    await gmail.close();
  });

  it('follows in-app navigation to Sent and keeps a second account apart', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    const before = (await storedCounts()).threads;
    await gmail.click('a[href="#sent"]');
    await gmail.waitForFunction(() => document.title.startsWith('Sent'));
    await expect.poll(async () => (await storedCounts()).threads, { timeout: 10_000 }).toBeGreaterThan(before);

    const second = server.mailbox.accounts[1];
    await gmail.goto('https://mail.google.com/mail/u/1/#inbox');
    await gmail.waitForSelector('tr.zA');
    await expect
      .poll(async () => (await storedCounts(second?.address)).threads, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const firstAccountThreads = new Set(server.mailbox.accounts[0]?.threads.map((t) => t.id));
    const secondIds = await browser.serviceWorker.evaluate(
      (account) =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('keepwarm');
          open.onsuccess = () => {
            const request = open.result
              .transaction('threads')
              .objectStore('threads')
              .getAllKeys(IDBKeyRange.bound([account, ''], [account, '\uffff']));
            request.onsuccess = () => {
              resolve((request.result as [string, string][]).map(([, id]) => id));
              open.result.close();
            };
          };
        }),
      second?.address ?? '',
    );
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.filter((id) => firstAccountThreads.has(id))).toEqual([]);
    await gmail.close();
  });
});
