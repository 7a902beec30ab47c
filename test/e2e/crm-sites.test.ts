import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, grantOptionalHosts, launchWithExtension } from './chromium';
import { sendFrom } from './extension-page';

// A HubSpot record page served at app.hubspot.com: with HubSpot switched off
// nothing of Keepwarm runs there, even once the browser holds the permission;
// switched on in the options page, the risk badge of the right client appears
// beside the record's title; switched off again, it is gone.

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm/hubspot/contact.html');
const DEAL_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm/hubspot/deal.html');
const GENERIC_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm/generic/client-page.html');
const INTRANET = 'intranet.brightpath.studio';
const DOLIBARR_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm/dolibarr/contact-fr.html');
const ERP = 'erp.brightpath.studio';
const RECORD_URL = 'https://app.hubspot.com/contacts/21456789/record/0-1/5101';
const BADGE = 'keepwarm-crm-badge';

let server: DemoServer;
let browser: ExtensionBrowser | undefined;
let profile: string;
interface DemoClient {
  key: string;
  email: string;
  name: string;
  token: string;
}
let client: DemoClient;
let other: DemoClient;
const PERSONAL = 'jane.home.keepwarm@gmail.com';
const UNKNOWN = { key: 'fresh-prospect.de', email: 'ana@fresh-prospect.de', name: 'Ana Fresh', token: '' };
/** On the intranet's page of a prospect: an address no mail has shown. */
const PROSPECT = { key: 'harbor-prospect.nl', email: 'piet@harbor-prospect.nl' };

function hubspotPage(url: string): string {
  if (url.includes('/record/0-3/'))
    return readFileSync(DEAL_FIXTURE, 'utf8').replace(/jane\.doe@acme-logistics\.com/gi, client.email);
  // The fixture's contact becomes a client of the demo mailbox: record 5102 another one, 5103 nobody known.
  const shown = url.includes('/5102') ? other : url.includes('/5103') ? UNKNOWN : client;
  // Record 5101 also lists the client's personal address, which mail has not shown yet.
  const second = shown === client ? PERSONAL : shown.email;
  return readFileSync(FIXTURE, 'utf8')
    .replace(/j\.doe@acme-logistics\.com/gi, second)
    .replace(/jane\.doe@acme-logistics\.com/gi, shown.email)
    .replace(/Jane Doe/g, shown.name);
}

function demoClient(index: number): DemoClient {
  const account = server.mailbox.accounts[0];
  const key = server.mailbox.scenarios.waitingOnUs[index];
  const known = account?.clients.find((c) => c.key === key);
  const person = known?.people[0];
  if (!known || !person) throw new Error('the demo mailbox has too few clients waiting on the user');
  const thread = account?.threads.find((t) => t.clientKey === known.key);
  if (!thread) throw new Error(`no thread of ${known.key}`);
  return { key: known.key, email: person.email, name: person.name, token: thread.token };
}

function intranetPage(url: string | undefined): string {
  const email = url?.startsWith('/prospects/') ? PROSPECT.email : client.email;
  return readFileSync(GENERIC_FIXTURE, 'utf8').replace(/[\w.]+@acme-logistics\.com/gi, email);
}

async function launch() {
  browser = await launchWithExtension({
    hosts: {
      'mail.google.com': server.port,
      'app.hubspot.com': server.port,
      [INTRANET]: server.port,
      [ERP]: server.port,
    },
    userDataDir: profile,
  });
  return browser;
}

async function storedClientKeys(b: ExtensionBrowser, account: string): Promise<string[]> {
  return b.serviceWorker.evaluate(
    (account) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('keepwarm');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('clients')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db
            .transaction('clients')
            .objectStore('clients')
            .getAllKeys(IDBKeyRange.bound([account, ''], [account, '\uffff']));
          request.onsuccess = () => {
            resolve((request.result as [string, string][]).map(([, key]) => key));
            db.close();
          };
        };
      }),
    account,
  );
}

async function registeredScripts(b: ExtensionBrowser): Promise<string[]> {
  return b.serviceWorker.evaluate(async () =>
    (
      await (
        globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }
      ).chrome.scripting.getRegisteredContentScripts()
    ).map((s) => s.id),
  );
}

async function openRecord(b: ExtensionBrowser, url = RECORD_URL): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-selenium-test="highlightTitle"]');
  return page;
}

beforeAll(async () => {
  server = await startDemoServer({
    seed: 7,
    routes: {
      'app.hubspot.com': (request) =>
        request.url?.startsWith('/contacts/')
          ? { status: 200, contentType: 'text/html; charset=utf-8', body: hubspotPage(request.url) }
          : { status: 404, contentType: 'text/plain', body: 'Not found' },
      [INTRANET]: (request) => ({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: intranetPage(request.url),
      }),
      [ERP]: () => ({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(DOLIBARR_FIXTURE, 'utf8').replace(/[\w.]+@atelier-moreau\.fr/g, client.email),
      }),
    },
  });
  client = demoClient(0);
  other = demoClient(1);
  profile = mkdtempSync(path.join(tmpdir(), 'keepwarm-crm-profile-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('CRM record pages', () => {
  it('are left alone while HubSpot is off and its host not granted', async () => {
    const b = await launch();
    const gmail = await b.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    // Reports are made from messages whose sender is known: those of an opened conversation.
    const address = server.mailbox.accounts[0]?.address ?? '';
    for (const known of [client, other]) {
      await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
      await gmail.click(`tr[data-demo-token="${known.token}"]`);
      await gmail.waitForSelector('h2.hP');
      await expect.poll(() => storedClientKeys(b, address), { timeout: 20_000, interval: 500 }).toContain(known.key);
    }
    await gmail.close();

    const page = await openRecord(b);
    await page.waitForTimeout(1500);
    expect(await page.locator(BADGE).count()).toBe(0);
    expect(await registeredScripts(b)).toEqual([]);
    await page.close();
    await b.close();
    browser = undefined;
  });

  it('stay untouched with the permission granted until the user switches HubSpot on', async () => {
    await browser?.close();
    const before = await launch();
    const extensionId = before.extensionId;
    await before.close();
    grantOptionalHosts(profile, extensionId, ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*']);
    const b = await launch();

    const untouched = await openRecord(b);
    await untouched.waitForTimeout(1500);
    expect(await untouched.locator(BADGE).count()).toBe(0);
    await untouched.close();

    const options = await b.openExtensionPage('options.html');
    await options.locator('input[data-crm="hubspot"]').click();
    await expect.poll(() => registeredScripts(b), { timeout: 10_000 }).toHaveLength(1);

    const record = await openRecord(b);
    const badge = record.locator(BADGE);
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.getAttribute('data-client')).toBe(client.key);
    expect(await badge.locator('.kw-pill').getAttribute('title')).toMatch(/^Keepwarm: .+, \d+% chance of going quiet$/);
    // Beside the record's title, not floating over the page.
    expect(
      await record.evaluate(
        (tag) => document.querySelector(tag)?.previousElementSibling?.getAttribute('data-selenium-test'),
        BADGE,
      ),
    ).toBe('highlightTitle');
    // The CRM's CSS cannot hide or restyle it.
    await record.addStyleTag({
      content: `${BADGE}, ${BADGE} * { display: none !important; opacity: 0 !important; position: absolute !important; }`,
    });
    expect(
      await badge.evaluate((host) => {
        const { display, opacity, position } = getComputedStyle(host);
        return { display, opacity, position };
      }),
    ).toEqual({ display: 'inline-block', opacity: '1', position: 'static' });
    await record.close();
    await options.close();
  });

  it('opens the side panel on the client of the record with a click on the badge, follows the records opened next, and watches one of nobody known', async () => {
    const b = browser;
    if (!b) throw new Error('no browser');
    const record = await openRecord(b);
    const badge = record.locator(BADGE);
    await badge.waitFor({ timeout: 15_000 });
    await badge.locator('button').click();
    const requested = () =>
      b.serviceWorker.evaluate(async () => {
        const session = (
          globalThis as unknown as {
            chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.session;
        return (await session.get('sidePanelClient')).sidePanelClient as { account: string; clientKey: string };
      });
    const account = server.mailbox.accounts[0]?.address;
    // The click reaches the background as a message: its answer is written a moment later.
    await expect.poll(requested, { timeout: 10_000 }).toMatchObject({ account, clientKey: client.key });
    // A headless browser draws no side panel: its page, opened in a tab, follows the active one the same way.
    const panel = await b.openExtensionPage('sidepanel.html');
    await record.bringToFront();
    const shown = (key: string) => panel.locator(`[data-testid="client-view"][data-client="${key}"]`);
    await shown(client.key).waitFor({ timeout: 15_000 });
    // What the record taught: the personal address, and its activities as contact.
    const learnt = panel.locator('[data-testid="crm-learning"]');
    await expect.poll(() => learnt.innerText(), { timeout: 15_000 }).toContain(PERSONAL);
    expect(await learnt.innerText()).toMatch(/2 activities count as contact/);

    await record.goto(RECORD_URL.replace('5101', '5102'));
    expect(await record.locator(BADGE).getAttribute('data-client', { timeout: 15_000 })).toBe(other.key);
    await shown(other.key).waitFor({ timeout: 15_000 });

    // A record of nobody known: the panel lets the last client go and offers to watch the record's domain.
    await record.goto(RECORD_URL.replace('5101', '5103'));
    await record.locator(BADGE).waitFor({ timeout: 15_000 });
    const offer = panel.locator(`[data-testid="crm-candidate"][data-candidate="${UNKNOWN.key}"]`);
    await offer.waitFor({ timeout: 15_000 });
    expect(await panel.locator('[data-testid="client-view"]').count()).toBe(0);
    await offer.locator('[data-testid="crm-watch"]').click();
    // Watched: a client from now on, honest that no mail was read, and the record's badge says so too.
    await shown(UNKNOWN.key).waitFor({ timeout: 15_000 });
    await panel.locator('[data-testid="no-mail-yet"]').waitFor();
    await expect.poll(() => record.locator(BADGE).getAttribute('data-client'), { timeout: 15_000 }).toBe(UNKNOWN.key);
    // Away from the record, the panel's overview lists it among the clients the user watches.
    await panel.bringToFront();
    await panel.locator(`[data-testid="watched-list"] [data-client="${UNKNOWN.key}"]`).waitFor({ timeout: 15_000 });
    await record.bringToFront();
    await shown(UNKNOWN.key).waitFor({ timeout: 15_000 });
    // Undone from the client's settings: back to an offer.
    await panel.locator('[data-testid="crm-forget"]').click();
    await offer.waitFor({ timeout: 15_000 });
    await expect.poll(() => record.locator(BADGE).getAttribute('data-match'), { timeout: 15_000 }).toBe('unknown');
    await panel.close();
    await record.close();
  });

  it('counts a deal’s amount as the client’s value only once the user allows it', async () => {
    const b = browser;
    if (!b) throw new Error('no browser');
    const deal = await b.context.newPage();
    await deal.goto('https://app.hubspot.com/contacts/21456789/record/0-3/9001');
    expect(await deal.locator(BADGE).getAttribute('data-client', { timeout: 15_000 })).toBe(client.key);
    const panel = await b.openExtensionPage('sidepanel.html');
    await deal.bringToFront();
    const amount = panel.locator(`[data-testid="client-view"][data-client="${client.key}"] [data-testid="crm-amount"]`);
    await expect.poll(() => amount.getAttribute('data-in-use'), { timeout: 15_000 }).toBe('false');

    const options = await b.openExtensionPage('options.html');
    await options.locator('#crmDealValue').check();
    await options.locator('#settings form button[type=submit]').click();
    await deal.bringToFront();
    await expect.poll(() => amount.getAttribute('data-in-use'), { timeout: 20_000 }).toBe('true');
    await options.close();
    await panel.close();
    await deal.close();
  });

  it('leave the record page again once HubSpot is switched off', async () => {
    const b = browser;
    if (!b) throw new Error('no browser');
    const options = await b.openExtensionPage('options.html');
    const record = await openRecord(b);
    await record.locator(BADGE).waitFor({ timeout: 15_000 });
    await options.locator('input[data-crm="hubspot"]').click();
    await expect.poll(() => registeredScripts(b), { timeout: 10_000 }).toEqual([]);
    await record.reload();
    await record.waitForSelector('[data-selenium-test="highlightTitle"]');
    await record.waitForTimeout(1500);
    expect(await record.locator(BADGE).count()).toBe(0);
    const stillGranted = await b.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
      ).chrome.permissions.contains({ origins: ['https://app.hubspot.com/*'] }),
    );
    expect(stillGranted).toBe(false);
  });

  it('reads any other page through the toolbar button, and only then', async () => {
    const running = browser;
    if (!running) throw new Error('no browser');
    const extensionId = running.extensionId;
    await running.close();
    // The click on the toolbar button grants activeTab for the page; a headless browser has no toolbar,
    // so the test grants that host the way the click would.
    grantOptionalHosts(profile, extensionId, [`https://${INTRANET}/*`]);
    const b = await launch();
    const page = await b.context.newPage();
    await page.goto(`https://${INTRANET}/clients/acme`);
    await page.waitForSelector('h1');
    await page.waitForTimeout(1000);
    expect(await page.locator(BADGE).count()).toBe(0);

    const popup = await b.openExtensionPage('popup.html');
    const reply = await popup.evaluate(async (host) => {
      const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [tab] = await api.tabs.query({ url: `https://${host}/*` });
      return api.runtime.sendMessage({ type: 'ui/read-page', tabId: tab?.id });
    }, INTRANET);
    expect(reply).toEqual({ read: true });
    const badge = page.locator(BADGE);
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.getAttribute('data-client')).toBe(client.key);
    expect(await page.evaluate((tag) => document.querySelector(tag)?.previousElementSibling?.tagName, BADGE)).toBe(
      'H1',
    );

    // A page of nobody known, read the same way: watching its client, then forgetting it, redraws its badge.
    const prospect = await b.context.newPage();
    await prospect.goto(`https://${INTRANET}/prospects/harbor`);
    await prospect.waitForSelector('h1');
    type Api = typeof import('webextension-polyfill');
    const send = (message: object) => sendFrom(popup, message);
    const tabId = await popup.evaluate(
      async (url) => (await (globalThis as unknown as { chrome: Api }).chrome.tabs.query({ url }))[0]?.id,
      `https://${INTRANET}/prospects/*`,
    );
    expect(await send({ type: 'ui/read-page', tabId })).toEqual({ read: true });
    const prospectBadge = prospect.locator(BADGE);
    await expect.poll(() => prospectBadge.getAttribute('data-match'), { timeout: 15_000 }).toBe('unknown');
    const account = server.mailbox.accounts[0]?.address;
    expect(await send({ type: 'ui/watch-client', account, clientKey: PROSPECT.key })).toEqual({ saved: true });
    await expect.poll(() => prospectBadge.getAttribute('data-client'), { timeout: 15_000 }).toBe(PROSPECT.key);
    expect(await send({ type: 'ui/forget-crm-learning', account, clientKey: PROSPECT.key })).toEqual({ saved: true });
    await expect.poll(() => prospectBadge.getAttribute('data-match'), { timeout: 15_000 }).toBe('unknown');
    await prospect.close();
    await popup.close();
  });

  it('reads a self-hosted CRM once the user adds its address', async () => {
    const running = browser;
    if (!running) throw new Error('no browser');
    const extensionId = running.extensionId;
    await running.close();
    grantOptionalHosts(profile, extensionId, [`https://${ERP}/*`]);
    const b = await launch();
    const recordUrl = `https://${ERP}/dolibarr/htdocs/contact/card.php?id=42`;
    const before = await b.context.newPage();
    await before.goto(recordUrl);
    await before.waitForSelector('div.refid');
    await before.waitForTimeout(1000);
    expect(await before.locator(BADGE).count()).toBe(0);
    await before.close();

    const options = await b.openExtensionPage('options.html');
    const section = options.locator('[data-testid=crm-sites]');
    await section.locator('select').selectOption('dolibarr');
    await section.locator('input[type=url]').fill(`https://${ERP}/dolibarr/htdocs/`);
    await section.locator('button[type=submit]').click();
    await expect.poll(() => registeredScripts(b), { timeout: 10_000 }).toHaveLength(1);
    await expect(section.locator('code').innerText()).resolves.toBe(`https://${ERP}/*`);

    const record = await b.context.newPage();
    await record.goto(recordUrl);
    const badge = record.locator(BADGE);
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.getAttribute('data-client')).toBe(client.key);
    // Right after the name, inside the banner that also holds the address block.
    expect(await record.evaluate((tag) => document.querySelector(tag)?.parentElement?.className, BADGE)).toContain(
      'refid',
    );
  });
});
