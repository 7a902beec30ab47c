import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { CHROME_EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from './chromium';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  const userAgent = await browser.serviceWorker.evaluate(() => navigator.userAgent);
  console.log(`e2e in ${/(Headless)?Chrom(e|ium)\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function popupText(): Promise<string> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.waitForSelector('h1');
  await popup.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const text = await popup.innerText('body');
  await popup.close();
  return text;
}

async function openGmail(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('tr.zA');
  return page;
}

describe('the built extension in Chromium', () => {
  it('loads with Gmail as its only required host', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = JSON.parse(readFileSync(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(['https://mail.google.com/*']);
  });

  it('shows the first-run state before Gmail was opened', async () => {
    expect(await popupText()).toContain('Open Gmail to start');
  });

  it('runs the content script on the demo Gmail and round-trips a message with the background', async () => {
    const gmail = await openGmail('https://mail.google.com/mail/u/0/#inbox');
    const account = server.mailbox.accounts[0];
    expect(account).toBeDefined();
    await expect.poll(popupText, { timeout: 10_000 }).toContain(account?.address ?? '');
    await gmail.close();
  });

  it('keeps a second Gmail account separate', async () => {
    const gmail = await openGmail('https://mail.google.com/mail/u/1/#inbox');
    const second = server.mailbox.accounts[1];
    await expect.poll(popupText, { timeout: 10_000 }).toContain(second?.address ?? '');
    const text = await popupText();
    expect(text).toContain('u/0');
    expect(text).toContain('u/1');
    await gmail.close();
  });

  it('renders the popup, side panel and options pages', async () => {
    for (const page of ['popup.html', 'sidepanel.html', 'options.html'] as const) {
      const tab = await browser.openExtensionPage(page);
      await expect.poll(() => tab.locator('h1').textContent()).toContain('Keepwarm');
      await tab.close();
    }
  });
});
