import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { TEAM_FIRST_ROWS, type TeamClientReply } from '@/lib/features/team/team-view-messages';
import { freePort, makeTeam, member, removeTeam, serve, summary, type Team, until } from '../team/harness';
import type { ExtensionBrowser } from './chromium';
import { sendFrom } from './extension-page';
import { everythingStored, launchMember } from './team-member';

// Who may not read the team: a browser without credentials, one with a wrong
// token, and a member revoked while connected. Each reads nothing of the
// team's summaries and its options page says so, in every language; and a
// member who leaves keeps none of the others' data. One server for all; Ann
// publishes from Node through the extension's own replication core.

const ANN_CLIENT = 'ann-client.example';
const AFTER_REVOKE = 'after-revoke.example';

let team: Team;
let port: number;
let server: Awaited<ReturnType<typeof serve>>;
let ann: TeamReplica;
const profiles: string[] = [];
const browsers: ExtensionBrowser[] = [];

async function launch(): Promise<ExtensionBrowser> {
  const browser = await launchMember(profiles, { localhost: port });
  browsers.push(browser);
  return browser;
}

async function connect(options: Page, token: string): Promise<unknown> {
  return sendFrom(options, { type: 'ui/team-connect', address: 'ws://localhost', teamId: team.teamId, token });
}

/** Whether the team scope shows this browser the client, as a row opening it asks. */
async function inTeamScope(page: Page, clientKey: string): Promise<boolean> {
  const reply = (await sendFrom(page, { type: 'ui/team-client', clientKey })) as TeamClientReply;
  return reply.connected && reply.client !== undefined;
}

/** Checks the team section's state line in English, Ukrainian and Russian, as the user picks each. */
async function says(options: Page, state: string, patterns: RegExp[]): Promise<void> {
  const line = options.locator(`[data-testid=team] [role=status][data-state=${state}]`);
  const { settings } = (await sendFrom(options, { type: 'ui/get-settings' })) as { settings: object };
  for (const [i, language] of ['en', 'uk', 'ru'].entries()) {
    await sendFrom(options, { type: 'ui/set-settings', settings: { ...settings, language } });
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe(language);
    await line.waitFor({ timeout: 30_000 });
    // The page's lang and its strings change in separate renders: wait for the text too.
    await expect.poll(() => line.innerText(), { timeout: 10_000 }).toMatch(patterns[i] as RegExp);
  }
  await sendFrom(options, { type: 'ui/set-settings', settings: { ...settings, language: 'auto' } });
}

/**
 * Starts counting the options page's asks for the team status (as the
 * background receives them) and the background's team notices the page hears;
 * reads both counts.
 */
async function countAsksAndNotices(browser: ExtensionBrowser, options: Page) {
  type Counted = { chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }) => void): void } } } };
  type Counts = { keepwarmCounts?: { asks: number; notices: number } };
  await browser.serviceWorker.evaluate(() => {
    const g = globalThis as unknown as Counted & Counts;
    g.keepwarmCounts = { asks: 0, notices: 0 };
    // Returns nothing: the extension's own listener still answers.
    g.chrome.runtime.onMessage.addListener((m) => {
      if (m?.type === 'ui/team-status' && g.keepwarmCounts) g.keepwarmCounts.asks += 1;
    });
  });
  await options.evaluate(() => {
    const g = globalThis as unknown as Counted & Counts;
    g.keepwarmCounts = { asks: 0, notices: 0 };
    g.chrome.runtime.onMessage.addListener((m) => {
      if (m?.type === 'background/team-changed' && g.keepwarmCounts) g.keepwarmCounts.notices += 1;
    });
  });
  const read = (target: { evaluate<T>(f: () => T): Promise<T> }) =>
    target.evaluate(() => (globalThis as unknown as Counts).keepwarmCounts ?? { asks: 0, notices: 0 });
  return async () => ({
    asks: (await read(browser.serviceWorker)).asks,
    notices: (await read(options)).notices,
  });
}

const SAYS_NONE = [/^Not connected to a team: nothing is shared or read/, /^Не підключено/, /^Не подключено/];
const SAYS_REFUSED = [/^The server refused this token/, /^Сервер відхилив/, /^Сервер отклонил/];

beforeAll(async () => {
  team = await makeTeam(['Ann', 'Cat']);
  port = await freePort();
  server = await serve(team, port);
  ann = member(port, team, team.members[0]?.token ?? '', { localCopy: undefined });
  ann.publish([summary(ANN_CLIENT, 30, Date.now())]);
  await until('Ann’s summary is on the server', () => ann.synced());
}, 120_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await ann?.stop();
  await server?.stop();
  if (team) await removeTeam(team);
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('who may not read the team', () => {
  it('a browser without credentials reads nothing, opens nothing, and says so', async () => {
    const browser = await launch();
    const options = await browser.openExtensionPage('options.html');
    await says(options, 'none', SAYS_NONE);
    expect(await sendFrom(options, { type: 'ui/team-lists', first: TEAM_FIRST_ROWS })).toEqual({ connected: false });
    expect(await sendFrom(options, { type: 'ui/team-client', clientKey: ANN_CLIENT })).toEqual({ connected: false });
    const databases = await browser.serviceWorker.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? ''),
    );
    expect(databases.filter((name) => name.startsWith('keepwarm-team'))).toEqual([]);
    await browser.close();
  });

  it('a wrong token is refused, reads nothing, and the options page says so', async () => {
    const browser = await launch();
    const options = await browser.openExtensionPage('options.html');
    const cat = team.members[1];
    expect(await connect(options, `${cat?.id}.not-the-secret-at-all`)).toEqual({ connected: true });
    await says(options, 'refused', SAYS_REFUSED);
    expect(await inTeamScope(options, ANN_CLIENT)).toBe(false);
    expect(await everythingStored(browser)).not.toContain(ANN_CLIENT);
    await browser.close();
  });

  it('a member who leaves keeps none of the others’ data; revoked later, they read nothing new and are told', async () => {
    const browser = await launch();
    const options = await browser.openExtensionPage('options.html');
    const cat = team.members[1];
    expect(await connect(options, cat?.token ?? '')).toEqual({ connected: true });
    await expect.poll(() => inTeamScope(options, ANN_CLIENT), { timeout: 20_000 }).toBe(true);
    expect(await everythingStored(browser)).toContain(ANN_CLIENT);

    expect(await sendFrom(options, { type: 'ui/team-leave', deleteOwnDocument: false })).toEqual({
      left: true,
      deletedOnServer: false,
    });
    expect(await everythingStored(browser)).not.toContain(ANN_CLIENT);
    await options.locator('[data-testid=team] [role=status][data-state=none]').waitFor();

    // Back in the team, then revoked while connected: cut off, and Ann's later summary never arrives.
    expect(await connect(options, cat?.token ?? '')).toEqual({ connected: true });
    await expect.poll(() => inTeamScope(options, ANN_CLIENT), { timeout: 20_000 }).toBe(true);
    const stateLine = options.locator('[data-testid=team] [role=status]');
    await expect.poll(() => stateLine.innerText(), { timeout: 20_000 }).toMatch(/^Connected · Up to date/);
    const counts = await countAsksAndNotices(browser, options);
    team.store.revokeMember(team.teamId, cat?.id ?? '');
    ann.publish([summary(ANN_CLIENT, 30, Date.now()), summary(AFTER_REVOKE, 30, Date.now())]);
    await expect.poll(() => ann.synced(), { timeout: 20_000 }).toBe(true);
    // The state line changes because the background told the page, which asked once per notice at
    // most (a notice heard just before counting may add one): nothing asks on a timer.
    await options.locator('[data-testid=team] [role=status][data-state=refused]').waitFor({ timeout: 30_000 });
    const atRefusal = await counts();
    expect(atRefusal.notices).toBeGreaterThan(0);
    expect(atRefusal.asks).toBeLessThanOrEqual(atRefusal.notices + 1);
    // Refused is where the connection rests: over a while longer than any timer the page ever used,
    // it asks only after a notice.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const later = await counts();
    expect(later.asks - atRefusal.asks).toBeLessThanOrEqual(later.notices - atRefusal.notices);
    await says(options, 'refused', SAYS_REFUSED);
    expect(await inTeamScope(options, AFTER_REVOKE)).toBe(false);
    expect(await everythingStored(browser)).not.toContain(AFTER_REVOKE);
  });
});
