import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TeamClientReply } from '@/lib/features/team/team-view-messages';
import { openThreadsOf } from '../demo/browse';
import { type DemoServer, startDemoServer } from '../demo/server';
import { freePort, makeTeam, removeTeam, serve, type Team } from '../team/harness';
import type { ExtensionBrowser } from './chromium';
import { sendFrom } from './extension-page';
import { everythingStored, launchMember } from './team-member';

// Two members of one team, each in a browser profile of their own, through the
// real team server on loopback. Ann reads the demo Gmail; Bob imports a little
// mail of his own: a recent exchange with a client who went quiet with Ann, and
// a new client's message he has not answered.

const DAY = 86_400_000;
const BOB = 'bob@studio-two.example';
const WAITING_CLIENT = 'yan@yoyodyne.example';
/** An organisation's client key is its registrable domain. */
const WAITING_KEY = 'yoyodyne.example';

let demo: DemoServer;
let team: Team;
let teamServer: Awaited<ReturnType<typeof serve>>;
let ann: ExtensionBrowser;
let bob: ExtensionBrowser;
const profiles: string[] = [];
let quietWithAnn: { key: string; email: string };

async function connect(browser: ExtensionBrowser, token: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const reply = await sendFrom(options, {
    type: 'ui/team-connect',
    address: 'ws://localhost',
    teamId: team.teamId,
    token,
  });
  expect(reply).toEqual({ connected: true });
  await options.close();
}

/** One client of the team scope, as a row opening it asks for it. */
async function teamClient(page: Page, clientKey: string) {
  const reply = (await sendFrom(page, { type: 'ui/team-client', clientKey })) as TeamClientReply;
  return reply.connected ? reply.client : undefined;
}

/** The clients the member's own view has at high or critical risk. */
function atRiskKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keepwarm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ key: string; report: { risk: { level: string } } }[]>((resolve, reject) => {
      const request = db.transaction('clients').objectStore('clients').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.filter((r) => r.report.risk.level === 'high' || r.report.risk.level === 'critical').map((r) => r.key);
  });
}

/** The bytes of every file under a folder, as text. */
function filesText(dir: string): string {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    if (statSync(file).isFile()) out.push(readFileSync(file).toString('utf8'));
  }
  return out.join('\n');
}

beforeAll(async () => {
  demo = await startDemoServer({ seed: 7 });
  team = await makeTeam(['Ann', 'Bob']);
  const teamPort = await freePort();
  teamServer = await serve(team, teamPort);
  ann = await launchMember(profiles, { 'mail.google.com': demo.port, localhost: teamPort });
  bob = await launchMember(profiles, { localhost: teamPort });

  const gmail = await ann.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  await openThreadsOf(gmail, 'sent', 40);
  await openThreadsOf(gmail, 'inbox', 40);
  await gmail.close();

  // A client Ann's own view has at risk: their person's address is what Bob writes with.
  const account = demo.mailbox.accounts[0];
  const annPopup = await ann.openExtensionPage('popup.html');
  const atRisk = await vi.waitFor(
    async () => {
      const keys = await atRiskKeys(annPopup);
      if (keys.length === 0) throw new Error('Ann has no client at risk yet');
      return keys;
    },
    { timeout: 60_000, interval: 500 },
  );
  const client = account?.clients.find((c) => atRisk.includes(c.key) && c.people[0]);
  if (!client?.people[0]) throw new Error('the demo gives Ann no client at risk');
  quietWithAnn = { key: client.key, email: client.people[0].email };
  await annPopup.close();

  // Bob's mail: two days ago with Ann's quiet client, and a new client waiting on him for three days.
  const now = Date.now();
  const message = (n: number, at: number, from: string, to: string) => ({
    id: `<bob-${n}@studio-two.example>`,
    threadId: `t:${n.toString(16).padStart(16, '0')}`,
    at,
    from: { email: from },
    to: [{ email: to }],
    cc: [],
    subject: `Bob's thread ${n}`,
    snippet: `Bob's note ${n}`,
    copyKey: n.toString(16).padStart(16, '0'),
  });
  const options = await bob.openExtensionPage('options.html');
  await sendFrom(options, {
    type: 'ui/import-batch',
    account: BOB,
    messages: [
      message(1, now - 40 * DAY, BOB, quietWithAnn.email),
      message(1, now - 39 * DAY, quietWithAnn.email, BOB),
      message(2, now - 2 * DAY, quietWithAnn.email, BOB),
      message(2, now - 2 * DAY + 3_600_000, BOB, quietWithAnn.email),
      message(3, now - 20 * DAY, BOB, WAITING_CLIENT),
      message(3, now - 19 * DAY, WAITING_CLIENT, BOB),
      message(4, now - 3 * DAY, WAITING_CLIENT, BOB),
    ].map((m, i) => ({ ...m, id: `<bob-${i}@studio-two.example>`, copyKey: (i + 1).toString(16).padStart(16, '0') })),
  });
  await sendFrom(options, { type: 'ui/import-ended', account: BOB });
  await options.close();

  await connect(ann, team.members[0]?.token ?? '');
  const annOptions = await ann.openExtensionPage('options.html');
  await sendFrom(annOptions, { type: 'ui/set-view-scope', scope: 'team' });
  await annOptions.close();
}, 600_000);

afterAll(async () => {
  await ann?.close();
  await bob?.close();
  await teamServer?.stop();
  if (team) await removeTeam(team);
  await demo?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('two members of one team', () => {
  it('show each member’s clients in the other’s team view within 5 s of the summaries reaching the server', async () => {
    // Ann's popup is open before Bob joins: the background's notice, not a reopen, brings his clients into it.
    const popup = await ann.openExtensionPage('popup.html');
    await connect(bob, team.members[1]?.token ?? '');
    const bobOptions = await bob.openExtensionPage('options.html');
    // Bob's summaries are on the server once his replica says it is in step with it.
    await expect
      .poll(
        async () => {
          const status = (await sendFrom(bobOptions, { type: 'ui/team-status' })) as {
            synced: boolean;
            members: { self: boolean; clients: number }[];
          };
          return status.synced && (status.members.find((m) => m.self)?.clients ?? 0) >= 2;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    // And Ann's summaries, published before Bob joined, are in Bob's team view.
    await expect
      .poll(
        async () => {
          const client = await teamClient(bobOptions, quietWithAnn.key);
          return client?.contacts.map((c) => c.name).sort();
        },
        { timeout: 5000 },
      )
      .toEqual(['Ann', 'Bob']);
    await bobOptions.close();

    await expect
      .poll(() => popup.locator(`[data-testid=team-waiting] li[data-client="${WAITING_KEY}"]`).count(), {
        timeout: 5000,
      })
      .toBe(1);
    await popup.close();
  });

  it('name Bob in Ann’s team waiting list for the client waiting on him', async () => {
    const popup = await ann.openExtensionPage('popup.html');
    const row = popup.locator(`[data-testid=team-waiting] li[data-client="${WAITING_KEY}"]`);
    await expect.poll(() => row.getAttribute('data-member')).toBe(team.members[1]?.id);
    expect(await row.textContent()).toMatch(/waiting .+ for Bob/);
    await popup.close();
  });

  it('open a team row from the keyboard in the team scope, and search its client in Ann’s own Gmail', async () => {
    const popup = await ann.openExtensionPage('popup.html');
    const row = popup.locator(`[data-testid=team-waiting] li[data-client="${WAITING_KEY}"] button`);
    await row.focus();
    await popup.keyboard.press('Enter');
    const card = popup.locator(`[data-testid=team-client][data-client="${WAITING_KEY}"]`);
    await card.waitFor();
    // Who talks to the client, when each last did, and who owns it: only Bob has mail with them.
    const members = await card
      .locator('[data-testid=team-contacts] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-member')));
    expect(members).toEqual([team.members[1]?.id]);
    expect(await card.locator('[data-testid=team-contacts]').textContent()).toMatch(/their last message .+ ago/);
    expect(await card.locator('[data-testid=team-owner]').textContent()).toMatch(/Bob/);
    // The opened client has the focus's first stop, back to the lists, which Enter takes.
    await popup.keyboard.press('Enter');
    await row.waitFor();
    await row.click();
    const opened = ann.context.waitForEvent('page');
    await card.locator('[data-testid=team-search-gmail]').click();
    const gmail = await opened;
    await gmail.waitForURL(/^https:\/\/mail\.google\.com\/mail\/u\/0\/#search\//);
    expect(decodeURIComponent(new URL(gmail.url()).hash)).toBe(
      `#search/from:${WAITING_KEY} OR to:${WAITING_KEY} OR cc:${WAITING_KEY}`,
    );
    await gmail.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('open a client of the team’s most at risk from the keyboard, in the same team scope', async () => {
    const popup = await ann.openExtensionPage('popup.html');
    const first = popup.locator('[data-testid=team-risks] li').first();
    const key = await first.getAttribute('data-client', { timeout: 10_000 });
    const row = first.locator('button');
    await row.focus();
    await popup.keyboard.press('Enter');
    const card = popup.locator(`[data-testid=team-client][data-client="${key}"]`);
    await card.waitFor();
    // Ann's own client: she is among who talks to them, and the search of her own Gmail is offered.
    expect(
      await card
        .locator('[data-testid=team-contacts] li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-member'))),
    ).toContain(team.members[0]?.id);
    expect(await card.locator('[data-testid=team-search-gmail]').count()).toBe(1);
    await popup.keyboard.press('Enter');
    await row.waitFor();
    await popup.close();
  });

  it('do not count a client quiet with Ann but active with Bob as at risk for the team', async () => {
    const popup = await ann.openExtensionPage('popup.html');
    const client = await teamClient(popup, quietWithAnn.key);
    expect(client?.contacts.map((c) => c.name)).toEqual(['Bob', 'Ann']);
    expect(['low', 'watch']).toContain(client?.risk.level);
    expect(await popup.locator(`[data-testid=team-risks] li[data-client="${quietWithAnn.key}"]`).count()).toBe(0);
    await popup.close();
  });

  it('badge Ann’s Gmail rows of that client with the team’s level in the team scope', async () => {
    const threads = new Map(demo.mailbox.accounts[0]?.threads.map((t) => [t.token, t]));
    const gmail = await ann.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#sent');
    await gmail.waitForSelector('tr.zA[data-demo-token]');
    const levels = () =>
      gmail.$$eval('[gh=tl] tr.zA[data-demo-token]', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-demo-token') ?? '',
          row.querySelector('keepwarm-badge')?.getAttribute('data-level') ?? '',
        ]),
      );
    const ofClient = async () =>
      (await levels())
        .filter(([token]) => threads.get(token ?? '')?.clientKey === quietWithAnn.key)
        .map(([, level]) => level);
    await expect.poll(async () => (await ofClient()).filter(Boolean).length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const level of await ofClient()) expect(['low', 'watch', '']).toContain(level);
    await gmail.close();
  });

  it('leave no subject, snippet or body of Ann’s mail on the server or in Bob’s browser', async () => {
    const account = demo.mailbox.accounts[0];
    const texts = new Set<string>();
    for (const thread of account?.threads ?? []) {
      if (thread.subject.trim().length >= 6) texts.add(thread.subject.trim());
      for (const m of thread.messages) if (m.snippet.trim().length >= 12) texts.add(m.snippet.trim().slice(0, 40));
    }
    expect(texts.size).toBeGreaterThan(20);
    const onServer = filesText(team.dir);
    const inBob = await everythingStored(bob);
    // What the scans read: Ann's summaries did reach both.
    expect(onServer).toContain(quietWithAnn.key);
    expect(inBob).toContain(quietWithAnn.key);
    for (const text of texts) {
      expect(onServer.includes(text), `server holds “${text}”`).toBe(false);
      expect(inBob.includes(text), `Bob's browser holds “${text}”`).toBe(false);
    }
  });
});
