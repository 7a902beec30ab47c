// `npm run store-assets`: the stores' listing screenshots (1280×800) from the
// demo mailbox, in English, Ukrainian and Russian: the Gmail inbox with its
// risk badges; the popup and the side panel on a client, each over the dimmed
// inbox the way the user sees them beside Gmail; the options page; and the
// dashboard of gains and losses.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/chromium';
import { countStored, sendFrom } from '../e2e/extension-page';
import { openThreadsOf } from './browse';
import { CHROMIUM, ensureBrowser } from './find-browser';
import { demoImportBatches } from './import-demo-mail';
import { startDemoServer } from './server';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'store/screenshots' } } });
const outDir = path.resolve(values.out);
const LANGUAGES = ['en', 'uk', 'ru'] as const;
const SIZE = { width: 1280, height: 800 };
const OPENED_THREADS = 50;

ensureBrowser(CHROMIUM);
mkdirSync(outDir, { recursive: true });
const server = await startDemoServer({ seed: 7 });
const browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
const gmail = browser.context.pages()[0] ?? (await browser.context.newPage());
await gmail.setViewportSize(SIZE);
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
await gmail.waitForSelector('tr.zA');
await openThreadsOf(gmail, 'sent', OPENED_THREADS);
await openThreadsOf(gmail, 'inbox', OPENED_THREADS);

/** Saves the language through the background, as the options page does. */
async function setLanguage(page: Page, language: string): Promise<void> {
  await page.evaluate(async (lang) => {
    type Runtime = { sendMessage(message: unknown): Promise<{ settings: Record<string, unknown> }> };
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    const { settings } = await runtime.sendMessage({ type: 'ui/get-settings' });
    await runtime.sendMessage({ type: 'ui/set-settings', settings: { ...settings, language: lang } });
  }, language);
}

/** The Gmail inbox dimmed behind an extension page drawn at its own width, as it opens beside Gmail. */
async function besideGmail(page: Page, width: number, file: string): Promise<void> {
  await page.setViewportSize({ width, height: SIZE.height - 48 });
  const shot = (await page.screenshot()).toString('base64');
  await gmail.bringToFront();
  await gmail.evaluate(
    ({ image, w }) => {
      const layer = document.createElement('div');
      layer.id = 'kw-store-shot';
      layer.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:rgba(32,33,36,.45);display:flex;justify-content:flex-end;align-items:flex-start;padding:24px';
      const img = document.createElement('img');
      img.src = `data:image/png;base64,${image}`;
      img.style.cssText = `width:${w}px;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.35)`;
      layer.append(img);
      document.body.append(layer);
    },
    { image: shot, w: width },
  );
  await gmail.waitForTimeout(200);
  await gmail.screenshot({ path: path.join(outDir, file) });
  await gmail.evaluate(() => document.getElementById('kw-store-shot')?.remove());
}

const popup = await browser.openExtensionPage('popup.html');
for (const language of LANGUAGES) {
  await setLanguage(popup, language);
  await gmail.bringToFront();
  await gmail.goto(`https://mail.google.com/mail/u/0/?hl=${language}#inbox`);
  await gmail.waitForSelector('tr.zA keepwarm-badge');
  await gmail.waitForTimeout(1000);
  await gmail.screenshot({ path: path.join(outDir, `${language}-1-gmail.png`) });

  await popup.reload();
  // Both lists, not the first drawn: the list at risk can come a moment after the waiting one.
  await popup.waitForSelector('[data-side="onYou"] .kw-row');
  await popup.waitForSelector('[data-testid="risk-list"] li');
  await besideGmail(popup, 440, `${language}-2-popup.png`);

  const panel = await browser.openExtensionPage('sidepanel.html');
  await panel.waitForSelector('[data-testid="risk-list"] button, [data-testid="risk-list"] li');
  await panel.click('[data-testid="risk-list"] button');
  await panel.waitForSelector('[data-testid="client-view"]');
  await besideGmail(panel, 420, `${language}-3-side-panel.png`);
  await panel.close();

  const options = await browser.openExtensionPage('options.html');
  await options.setViewportSize(SIZE);
  await options.waitForSelector('#settings form');
  await options.waitForTimeout(300);
  await options.screenshot({ path: path.join(outDir, `${language}-4-options.png`) });
  await options.close();

  console.log(`${language}: 4 screenshots`);
}

// The dashboard counts months: it is shown on the demo's whole year, imported
// as a mailbox export would be, once the other screenshots are taken.
const demoAccount = server.mailbox.accounts[0];
if (!demoAccount) throw new Error('the demo has no account');
for (const batch of demoImportBatches(demoAccount)) await sendFrom(popup, batch);
await sendFrom(popup, { type: 'ui/import-ended', account: demoAccount.address });
while ((await countStored(popup, { store: 'recomputeMarks' })) > 0) await popup.waitForTimeout(200);
const dashboard = await browser.context.newPage();
await dashboard.setViewportSize(SIZE);
for (const language of LANGUAGES) {
  await setLanguage(popup, language);
  await dashboard.goto(
    `chrome-extension://${browser.extensionId}/dashboard.html?account=${encodeURIComponent(demoAccount.address)}`,
  );
  await dashboard.waitForSelector('.kw-chart canvas');
  await dashboard.screenshot({ path: path.join(outDir, `${language}-5-dashboard.png`) });
  console.log(`${language}: the dashboard`);
}

console.log(`Listing screenshots (1280×800) written to ${outDir}`);
await browser.close();
await server.close();
