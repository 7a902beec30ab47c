// `npm start`: build the extension, serve the demo mailbox at
// https://mail.google.com on this machine only, and open Chromium with
// Keepwarm loaded. Headless (or without a display) it prints what the
// extension shows and writes screenshots instead of opening a window. With
// --team it also runs a team server on loopback, with a team of two, and the
// browser joins it as the first member (test/demo/demo-team.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/chromium';
import { launchAsMember, showTeamScope, startDemoTeam, teamInstructions } from './demo-team';
import { CHROMIUM, ensureBrowser } from './find-browser';
import { startDemoServer } from './server';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'screenshots' },
    'skip-build': { type: 'boolean', default: false },
    team: { type: 'boolean', default: false },
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
const hosts = { 'mail.google.com': server.port };
const team = values.team ? await startDemoTeam() : undefined;
const profile = team ? mkdtempSync(path.join(tmpdir(), 'keepwarm-demo-ann-')) : undefined;
const browser =
  team && profile
    ? await launchAsMember(team, team.members[0]?.token ?? '', { hosts, headless, userDataDir: profile })
    : await launchWithExtension({ hosts, headless });
/** Everything started here, stopped: the browser first, so its last sync does not meet a closed server. */
const stopAll = async () => {
  await browser.close();
  await team?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server.close();
};
if (team) console.log(teamInstructions(team));
const gmail = browser.context.pages()[0] ?? (await browser.context.newPage());
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
await gmail.waitForSelector('tr.zA');

if (!headless) {
  if (team) await showTeamScope(browser);
  console.log('Keepwarm is running on the demo Gmail. Close the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await stopAll();
  process.exit(0);
}

/** What the extension shows, printed and saved as screenshots. */
async function tour(): Promise<void> {
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

  if (team) {
    const options = await browser.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="team"] [data-state="connected"]', { timeout: 30_000 });
    console.log(`\n── options: your team ──\n${(await options.innerText('[data-testid="team"]')).trim()}`);
    await showTeamScope(browser);
    const teamPopup = await browser.openExtensionPage('popup.html');
    await teamPopup.setViewportSize({ width: 440, height: 600 });
    await teamPopup.waitForSelector('[data-testid="team-waiting"], [data-testid="team-risks"]');
    await teamPopup.screenshot({ path: path.join(outDir, 'popup-team.png'), fullPage: true });
    console.log(`\n── popup, team scope ──\n${(await teamPopup.innerText('main')).trim()}`);
  }
  console.log(`\nScreenshots written to ${outDir}`);
}

// A failure on the way still stops the servers and the browser, and removes the profile.
try {
  await tour();
} finally {
  await stopAll();
}
