import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// Nothing leaves the browser: every request made while the extension runs
// through the demo (Gmail pages, a conversation, the popup, side panel and
// options, a mailbox import) goes to the page's own host or stays inside the
// extension.

const TAKEOUT = path.resolve(import.meta.dirname, '../fixtures/mail-import/takeout.mbox');

let server: DemoServer;
let browser: ExtensionBrowser;
const requests: { url: string; from: string }[] = [];

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  browser.context.on('request', (request) => {
    const frame = request.serviceWorker() ? 'service worker' : (request.frame()?.url() ?? 'unknown');
    requests.push({ url: request.url(), from: frame });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (url: string) => {
  const { protocol, host } = new URL(url);
  return protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:' || host === 'mail.google.com';
};

describe('network', () => {
  it('sees no request of the extension’s own to any other host', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    // Any client thread the inbox shows: which of them fit on its first page depends on the day.
    const tokens = (server.mailbox.accounts[0]?.threads ?? []).filter((t) => t.kind === 'client').map((t) => t.token);
    if (tokens.length === 0) throw new Error('demo has no client thread');
    await gmail
      .locator(tokens.map((token) => `tr[data-demo-token="${token}"]`).join(', '))
      .first()
      .click();
    await gmail.waitForSelector('h2.hP');
    await gmail.waitForTimeout(2500);
    for (const page of ['popup.html', 'sidepanel.html', 'options.html'] as const) {
      const tab = await browser.openExtensionPage(page);
      await tab.waitForLoadState('networkidle');
      await tab.close();
    }
    const options = await browser.openExtensionPage('options.html');
    await options.fill('[data-testid=import-me]', 'me@agency.example');
    await options.setInputFiles('[data-testid=import-files]', TAKEOUT);
    await options.click('[data-testid=import-start]');
    await options.waitForSelector('[data-testid=import-progress][data-phase=done]');
    await options.close();
    await gmail.close();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => !allowed(r.url))).toEqual([]);
  });
});
