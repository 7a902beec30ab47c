import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countStored } from './extension-page';

// The browser stops an idle extension service worker whenever it likes. What
// the background acknowledged must be stored, and the recompute it owed must
// still happen when the worker starts again, not 15 minutes later at the alarm.

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

/** Rows of one store, read with the bare IndexedDB API from inside the extension. */
const countRows = (worker: Worker, store: string) => countStored(worker, { store });

async function currentWorker(): Promise<Worker> {
  const live = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  return live ?? browser.context.waitForEvent('serviceworker');
}

describe('a service worker stopped between storing and recomputing', () => {
  it('finishes the recompute it owed when it starts again', async () => {
    const waitingKey = server.mailbox.scenarios.waitingOnUs[0] as string;
    const thread = server.mailbox.accounts[0]?.threads.find((t) => t.clientKey === waitingKey);
    if (!thread) throw new Error(`no thread for ${waitingKey}`);
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    await expect.poll(() => countRows(browser.serviceWorker, 'threads'), { timeout: 10_000 }).toBe(50);
    // Let the list's own recompute finish, so the next pending mark is the conversation's.
    await expect.poll(() => countRows(browser.serviceWorker, 'recomputeMarks'), { timeout: 10_000 }).toBe(0);

    await gmail.click(`tr[data-demo-token="${thread.token}"]`);
    await expect.poll(() => countRows(browser.serviceWorker, 'recomputeMarks'), { interval: 50 }).toBeGreaterThan(0);
    const cdp = await browser.context.newCDPSession(gmail);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    // Opening the popup wakes the worker; it picks up the pending mark on start.
    const popup = await browser.openExtensionPage('popup.html');
    const worker = await currentWorker();
    await expect.poll(() => countRows(worker, 'recomputeMarks'), { timeout: 15_000 }).toBe(0);
    // Only the conversation tells who sent its last message: the client waits on the user only if it was stored.
    await popup.reload();
    // Among every waiting row: its rank among the demo's other waits moves with the clock.
    await popup.locator('[data-side="onYou"]').first().waitFor();
    expect((await popup.locator('[data-side="onYou"]').allInnerTexts()).join('\n')).toContain(waitingKey);

    // Seeing the same conversation again after the restart stores nothing twice.
    const messagesAfter = await countRows(worker, 'messages');
    await gmail.reload();
    await gmail.waitForSelector('h2.hP');
    await gmail.waitForTimeout(1000);
    expect(await countRows(worker, 'messages')).toBe(messagesAfter);
    await gmail.close();
    await popup.close();
  });
});
