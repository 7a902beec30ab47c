// `npm start`: build the extension, serve the demo mailbox at
// https://mail.google.com on this machine only, and open Chromium with
// Keepwarm loaded. Headless (or without a display) it prints what the
// extension shows and writes screenshots instead of opening a window.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/chromium';
import { CHROMIUM, ensureBrowser } from './find-browser';
import { startDemoServer } from './server';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'screenshots' },
    'skip-build': { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
const headless = values.headless || (process.platform === 'linux' && !process.env.DISPLAY);

// Before the build, so a machine without Chromium learns it at once, or gets it installed.
ensureBrowser(CHROMIUM);
if (!values['skip-build']) {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}

const server = await startDemoServer({ seed });
const browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port }, headless });
const gmail = browser.context.pages()[0] ?? (await browser.context.newPage());
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
await gmail.waitForSelector('tr.zA');

if (!headless) {
  console.log('Keepwarm is running on the demo Gmail. Close the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

const outDir = path.resolve(values.out);
mkdirSync(outDir, { recursive: true });
// No thread is opened: Keepwarm learns who wrote what and when from the thread
// data Gmail's own page already holds, and badges the inbox from it.
await gmail.waitForSelector('tr.zA keepwarm-badge', { timeout: 30_000 });
// Let the background finish its analysis of what was read.
await gmail.waitForTimeout(2500);
await gmail.screenshot({ path: path.join(outDir, 'gmail-inbox.png') });

const popup = await browser.openExtensionPage('popup.html');
await popup.setViewportSize({ width: 440, height: 600 });
await popup.waitForSelector('[data-testid="risk-list"]');
await popup.screenshot({ path: path.join(outDir, 'popup.png'), fullPage: true });
console.log(`\n── popup: clients waiting on a reply ──\n${(await popup.innerText('main')).trim()}`);

// The side panel follows the active tab: open the longest-waiting client's
// thread from the popup (Keepwarm reuses the Gmail tab), then look at the panel.
const panel = await browser.openExtensionPage('sidepanel.html');
await panel.setViewportSize({ width: 400, height: 820 });
await panel.waitForSelector('[data-testid="risk-list"], [data-testid="no-clients"]');
console.log(`\n── side panel: top risks ──\n${(await panel.innerText('main')).trim()}`);
await panel.screenshot({ path: path.join(outDir, 'sidepanel-overview.png') });
await popup.bringToFront();
await popup.click('.kw-row[data-active]');
await gmail.waitForSelector('h2.hP');
await gmail.screenshot({ path: path.join(outDir, 'gmail-conversation.png') });
await panel.waitForSelector('[data-testid="client-view"]');
await panel.waitForTimeout(300);
await panel.screenshot({ path: path.join(outDir, 'sidepanel.png'), fullPage: true });
console.log(`\n── side panel on the opened thread ──\n${(await panel.innerText('main')).trim().slice(0, 1500)}`);

console.log(`\nScreenshots written to ${outDir}`);
await browser.close();
await server.close();
