// `npm run readme-shots`: the README's screenshots, from the demo mailbox the
// way `npm run store-assets` makes the stores' (same demo server, seed and
// browsing), in English: the popup, the side panel on the client most at risk
// (the chance of going quiet, each reason with its share and what ends it), and
// the inbox's badges with their urgency marks. Never a capture of real mail.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/chromium';
import { openThreadsOf } from './browse';
import { CHROMIUM, ensureBrowser } from './find-browser';
import { startDemoServer } from './server';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
const outDir = path.resolve(values.out);
const OPENED_THREADS = 50;

ensureBrowser(CHROMIUM);
mkdirSync(outDir, { recursive: true });
const server = await startDemoServer({ seed: 7 });
const browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
try {
  const gmail = browser.context.pages()[0] ?? (await browser.context.newPage());
  await gmail.setViewportSize({ width: 1280, height: 800 });
  await gmail.goto('https://mail.google.com/mail/u/0/?hl=en#inbox');
  await gmail.waitForSelector('tr.zA');
  await openThreadsOf(gmail, 'sent', OPENED_THREADS);
  await openThreadsOf(gmail, 'inbox', OPENED_THREADS);
  await gmail.waitForSelector('tr.zA keepwarm-badge');
  await gmail.waitForTimeout(1500);
  const list = await gmail.locator('tr.zA').first().boundingBox();
  await gmail.screenshot({
    path: path.join(outDir, 'gmail-badges.png'),
    clip: { x: 0, y: Math.max(0, (list?.y ?? 0) - 8), width: 1280, height: 420 },
  });

  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 440, height: 720 });
  // Both lists, not the first drawn: the list at risk can come a moment after the waiting one.
  await popup.waitForSelector('[data-side="onYou"] .kw-row');
  await popup.waitForSelector('[data-testid="risk-list"] li');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: path.join(outDir, 'popup.png') });

  const panel = await browser.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.waitForSelector('[data-testid="risk-list"] button');
  await panel.click('[data-testid="risk-list"] button');
  await panel.waitForSelector('[data-testid="client-view"]');
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: path.join(outDir, 'side-panel.png') });
  console.log(`README screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
