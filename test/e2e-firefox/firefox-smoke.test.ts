import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { addressOf, type FirefoxWithExtension, launchFirefox, until } from './firefox';

// Keepwarm in Firefox ESR, the way a user meets it: installed from the built
// add-on, it reads the demo Gmail at mail.google.com, draws badges with their
// reasons, fills the popup, sidebar and options pages, opens a thread from the
// popup, shows the client of a clicked badge with the sidebar closed, and
// offers to ask for Gmail again once its access is taken back. A short smoke
// suite: the Chromium suite covers behaviour in depth.

// Firefox reaches a host name's default port: the links Keepwarm opens carry none.
const HTTPS_PORT = 443;
const OPENED_THREADS = 15;

let server: Awaited<ReturnType<typeof startDemoServer>>;
let firefox: FirefoxWithExtension;
let gmail: Page;

/** Opens threads one by one and comes back to the list, as a user reading mail would. */
async function readThreads(view: 'inbox' | 'sent', count: number): Promise<void> {
  await gmail.evaluate((v) => {
    location.hash = `#${v}`;
  }, view);
  await gmail.waitForSelector('tr.zA[data-demo-token]');
  const tokens = await gmail.$$eval('tr.zA[data-demo-token]', (rows) =>
    rows.map((row) => row.getAttribute('data-demo-token') ?? ''),
  );
  for (const token of tokens.slice(0, count)) {
    await gmail.evaluate((hash) => {
      location.hash = hash;
    }, `#${view}/${token}`);
    await gmail.waitForSelector('h2.hP');
  }
  await gmail.evaluate((v) => {
    location.hash = `#${v}`;
  }, view);
  await gmail.waitForSelector('tr.zA');
}

/** The client the sidebar shows, null with the sidebar closed; read from another page of the extension. */
function sidebarClient(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => {
    type Views = { extension: { getViews(filter: { type: 'sidebar' }): Window[] } };
    const [sidebar] = (globalThis as unknown as { browser: Views }).browser.extension.getViews({ type: 'sidebar' });
    if (!sidebar) return null;
    return sidebar.document.querySelector('[data-testid="client-view"]')?.getAttribute('data-client') ?? undefined;
  });
}

const badgeSelector = 'tr.zA keepwarm-badge[data-level=high], tr.zA keepwarm-badge[data-level=critical]';

beforeAll(async () => {
  server = await startDemoServer({ seed: 7, port: HTTPS_PORT }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EACCES' && error.code !== 'EADDRINUSE') throw error;
    throw new Error(
      `The Firefox suite serves the demo Gmail on port ${HTTPS_PORT} (${error.code}): run it as root, ` +
        `or allow the port with "sudo sysctl net.ipv4.ip_unprivileged_port_start=${HTTPS_PORT}", with the port free.`,
    );
  });
  firefox = await launchFirefox(['mail.google.com']);
  gmail = await firefox.browser.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  await readThreads('sent', OPENED_THREADS);
  await readThreads('inbox', OPENED_THREADS);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Keepwarm in Firefox', () => {
  it('draws risk badges in Gmail, with the reasons in their tooltip', async () => {
    await gmail.waitForSelector(badgeSelector, { timeout: 30_000 });
    await gmail.hover(`:is(${badgeSelector}) >>> button`);
    const reasons = await until('the tooltip’s reasons', async () => {
      const texts = await gmail.$$eval('keepwarm-tooltip >>> [role=tooltip] li', (items) =>
        items.map((item) => item.textContent ?? ''),
      );
      return texts.length > 0 ? texts : undefined;
    });
    expect(reasons.every((text) => text.trim().length > 0)).toBe(true);
  });

  it('lists the clients waiting on a reply in the popup, and a row opens its thread in Gmail', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-side="onYou"] .kw-row', { timeout: 30_000 });
    expect(await popup.$$eval('.kw-row', (rows) => rows.length)).toBeGreaterThan(0);
    await popup.click('[data-side="onYou"] .kw-row');
    await until('Gmail to open a thread', async () =>
      (await addressOf(gmail)).includes('#inbox/') ? true : undefined,
    );
    await gmail.waitForSelector('h2.hP');
  });

  it('shows the clients most at risk in the sidebar page and the settings in the options page', async () => {
    const panel = await firefox.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-testid="risk-list"] li', { timeout: 30_000 });
    await panel.close();
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('#settings form', { timeout: 30_000 });
    expect(await options.$eval('h1', (h) => h.textContent)).toContain('Keepwarm');
    await options.close();
  });

  it('shows the client of a clicked badge with the sidebar closed', async () => {
    const probe = await firefox.openExtensionPage('popup.html');
    expect(await sidebarClient(probe)).toBeNull();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox').catch(() => undefined);
    await gmail.waitForSelector(badgeSelector, { timeout: 30_000 });
    const clicked = await gmail.$eval(badgeSelector, (badge) => badge.closest('tr')?.getAttribute('data-demo-token'));
    const clientKey = server.mailbox.accounts[0]?.threads.find((thread) => thread.token === clicked)?.clientKey;
    expect(clientKey).toBeTruthy();
    await gmail.bringToFront();
    await gmail.click(`:is(${badgeSelector}) >>> button`);
    // In the sidebar when Firefox lets the click open it, otherwise in a tab beside Gmail.
    const shown = await until('the clicked client, in the sidebar or a tab', async () => {
      if ((await sidebarClient(probe)) === clientKey) return 'sidebar';
      for (const page of await firefox.browser.pages()) {
        if (!(await addressOf(page).catch(() => '')).endsWith('/sidepanel.html?in-tab')) continue;
        const shownClient = await page.$eval('[data-testid="client-view"]', (view) => view.getAttribute('data-client'));
        if (shownClient === clientKey) return 'tab';
      }
      return undefined;
    });
    console.info(`Firefox showed the clicked client in the ${shown}`);
    await probe.close();
  });

  it('offers to ask for Gmail again once its access is taken back', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    expect(await popup.$('[data-testid="grant-gmail"]')).toBeNull();
    await popup.evaluate(async () => {
      type Permissions = { remove(p: { origins: string[] }): Promise<boolean> };
      await (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions.remove({
        origins: ['https://mail.google.com/*'],
      });
    });
    await popup.waitForSelector('[data-testid="grant-gmail"]', { timeout: 10_000 });
    const fresh = await firefox.openExtensionPage('popup.html');
    await fresh.waitForSelector('[data-testid="grant-gmail"]', { timeout: 10_000 });
  });
});
