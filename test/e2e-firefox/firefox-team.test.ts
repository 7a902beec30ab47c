import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamClientReply } from '@/lib/features/team/team-view-messages';
import type { ExtensionBrowser } from '../e2e/chromium';
import { sendFrom } from '../e2e/extension-page';
import { launchMember } from '../e2e/team-member';
import { freePort, makeTeam, removeTeam, serve, type Team } from '../team/harness';
import { FIREFOX_EXTENSION_DIR, type FirefoxWithExtension, launchFirefox, until } from './firefox';

// Team sync in Firefox's background, an event page Firefox suspends after
// thirty seconds without an event, whatever sockets it holds. Fox, in Firefox,
// joins from the options page as a user does (a plain ws:// server on this
// machine, which Firefox's default page policy would have turned into wss://)
// and publishes the clients of a little imported mail; Cat, in a Chromium
// profile, sees them through the real team server. Then Fox stays idle past
// Firefox's thirty seconds: the socket, counted at a relay in front of the
// server, stays the one first opened, and Cat's clients reach Fox's open
// options page through it, told by the background unasked.

const DAY = 86_400_000;
const FOX = 'fox@studio-fox.example';
const CAT = 'cat@studio-cat.example';
const FOX_CLIENT = 'foxclient.example';
const CAT_CLIENT = 'catclient.example';
/** Firefox's own idle time for an event page, and a little more. */
const IDLE_MS = 35_000;

let team: Team;
let server: Awaited<ReturnType<typeof serve>>;
let relay: { port: number; open: () => number; accepted: () => number; close(): Promise<void> };
let firefox: FirefoxWithExtension;
let cat: ExtensionBrowser;
const profiles: string[] = [];

/** A TCP relay to the team server that counts the connections open through it. */
async function startRelay(to: number): Promise<typeof relay> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const listener: Server = createServer((inbound) => {
    accepted += 1;
    const outbound = tcpConnect(to, '127.0.0.1');
    sockets.add(inbound);
    const drop = () => {
      sockets.delete(inbound);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('close', drop).on('error', drop);
    outbound.on('close', drop).on('error', drop);
    inbound.pipe(outbound).pipe(inbound);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
  return {
    port,
    open: () => sockets.size,
    accepted: () => accepted,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => resolve());
      }),
  };
}

/** A little mail between a member and one client: a reply each way, a week apart, the last a day ago. */
function mailWith(account: string, client: string, tag: string) {
  const now = Date.now();
  const message = (n: number, at: number, from: string, to: string) => ({
    id: `<${tag}-${n}@keepwarm.test>`,
    threadId: `t:${(n + 1).toString(16).padStart(16, '0')}`,
    at,
    from: { email: from },
    to: [{ email: to }],
    cc: [],
    subject: `${tag} thread ${n}`,
    snippet: `${tag} note ${n}`,
    copyKey: (n + 1).toString(16).padStart(16, '0'),
  });
  return [
    {
      type: 'ui/import-batch',
      account,
      messages: [
        message(0, now - 8 * DAY, client, account),
        message(1, now - 7 * DAY, account, client),
        message(2, now - 1 * DAY, client, account),
      ],
    },
    { type: 'ui/import-ended', account },
  ];
}

/** Sends a message to Firefox's background from one of Keepwarm's pages. */
function sendInFirefox(page: Page, message: unknown): Promise<unknown> {
  type Runtime = { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  return page.evaluate((m) => (globalThis as unknown as Runtime).browser.runtime.sendMessage(m), message);
}

/** Whether a page's team scope holds the client, as a row opening it asks. */
const holds = (reply: unknown) => {
  const client = reply as TeamClientReply;
  return client.connected && client.client !== undefined;
};

beforeAll(async () => {
  team = await makeTeam(['Fox', 'Cat']);
  const port = await freePort();
  server = await serve(team, port);
  relay = await startRelay(port);
  [firefox, cat] = await Promise.all([
    // The permission prompt of the user's click is answered yes, as the user would.
    launchFirefox([], { 'extensions.webextOptionalPermissionPrompts': false }),
    launchMember(profiles, { localhost: port }),
  ]);
}, 240_000);

afterAll(async () => {
  await firefox?.close();
  await cat?.close();
  await relay?.close();
  await server?.stop();
  if (team) await removeTeam(team);
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('a team member in Firefox', () => {
  it('joins from the options page, publishes, and holds its socket while idle to hear a colleague', async () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy).toEqual({ extension_pages: "script-src 'self'" });

    const options = await firefox.openExtensionPage('options.html');
    for (const message of mailWith(FOX, `dana@${FOX_CLIENT}`, 'fox')) await sendInFirefox(options, message);

    // Joining as the user does: the form, then Connect.
    const section = '[data-testid=team]';
    await options.waitForSelector(`${section} input[type=url]`);
    await options.type(`${section} input[type=url]`, `ws://127.0.0.1:${relay.port}`);
    await options.type(`${section} input:not([type])`, team.teamId);
    await options.type(`${section} input[type=password]`, team.members[0]?.token ?? '');
    await options.click(`${section} button[type=submit]`);
    const stateLine = () => options.$eval(`${section} [role=status]`, (el) => el.textContent ?? '');
    const listed = () => options.$$eval(`${section} li`, (items) => items.map((li) => li.textContent ?? ''));
    await until(
      'Fox’s options page to say it is up to date with Fox’s client',
      async () =>
        /^Connected · Up to date/.test(await stateLine()) && (await listed()).includes('Fox: 1 clients (you)')
          ? true
          : undefined,
      30_000,
    );

    // Cat, in Chromium, sees Fox's client.
    const catOptions = await cat.openExtensionPage('options.html');
    const token = team.members[1]?.token ?? '';
    expect(
      await sendFrom(catOptions, { type: 'ui/team-connect', address: 'ws://localhost', teamId: team.teamId, token }),
    ).toEqual({ connected: true });
    await expect
      .poll(async () => holds(await sendFrom(catOptions, { type: 'ui/team-client', clientKey: FOX_CLIENT })), {
        timeout: 20_000,
      })
      .toBe(true);

    // Nothing asks Fox's background anything for longer than Firefox lets an idle event page live.
    expect(relay.accepted()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    expect(relay.open()).toBe(1);
    expect(relay.accepted()).toBe(1);

    // Cat publishes; Fox's open options page hears of it from the background, through the same socket.
    for (const message of mailWith(CAT, `eli@${CAT_CLIENT}`, 'cat')) await sendFrom(catOptions, message);
    await until(
      'Fox’s options page to list Cat’s client',
      async () => ((await listed()).includes('Cat: 1 clients') ? true : undefined),
      20_000,
    );
    expect(relay.accepted()).toBe(1);
    for (const clientKey of [FOX_CLIENT, CAT_CLIENT])
      expect(holds(await sendInFirefox(options, { type: 'ui/team-client', clientKey })), clientKey).toBe(true);
  });
});
