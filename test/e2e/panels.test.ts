import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessClock, HOUR } from '../../lib/engine/business-hours';
import { byPriority } from '../../lib/engine/follow-up-urgency';
import { ACTIONABLE_WAIT_ON_US } from '../../lib/engine/risk-urgency';
import { DEFAULT_SETTINGS } from '../../lib/engine/settings';
import { en, type MessageKey, ru, uk } from '../../lib/i18n/catalogs';
import { openThreadsOf } from '../demo/browse';
import type { DemoThread } from '../demo/mailbox/types';
import { waitingSince } from '../demo/mailbox/waiting-since';
import { startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// The popup and the side panel on the demo mailbox, read the way a user starts
// the day: open the sent and inbox threads, then look at who waits.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: ExtensionBrowser;
let gmail: Page;
const profile = mkdtempSync(path.join(tmpdir(), 'keepwarm-panels-'));
const launch = () => launchWithExtension({ hosts: { 'mail.google.com': server.port }, userDataDir: profile });

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launch();
  gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  await openThreadsOf(gmail, 'sent', 50);
  await openThreadsOf(gmail, 'inbox', 50);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const account = () => {
  const first = server.mailbox.accounts[0];
  if (!first) throw new Error('the demo has no account');
  return first;
};

/** When the client's wait on the user began, from the mailbox itself. */
const unansweredSince = (key: string) => waitingSince(account(), key);

async function openPopup(): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  // The demo always has clients waiting on the user, so their header heads the list once it is read.
  await popup.waitForSelector('[data-testid="onYou-header"]');
  return popup;
}

const rowsOf = (page: Page, side: 'onYou' | 'stopped') =>
  page.$$eval(`[data-side="${side}"] .kw-row`, (rows) => rows.map((row) => row.getAttribute('data-client')));

/**
 * Every row of one side of the popup's list, top to bottom. The list draws only
 * the rows in view, and how many wait ahead of the silent clients moves with the
 * day, so the list is scrolled through half a view at a time.
 */
const allRowsOf = (page: Page, side: 'onYou' | 'stopped') =>
  page.evaluate(`(async (side) => {
    const viewport = document.querySelector('.kw-virtual');
    const seen = new Map();
    for (let top = 0; ; top += Math.max(1, viewport.clientHeight / 2)) {
      viewport.scrollTop = top;
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const item of viewport.querySelectorAll('li[aria-posinset]')) {
        const row = item.querySelector('[data-side="' + side + '"] .kw-row');
        if (row) seen.set(Number(item.getAttribute('aria-posinset')), row.getAttribute('data-client'));
      }
      if (top + viewport.clientHeight >= viewport.scrollHeight) break;
    }
    viewport.scrollTop = 0;
    return [...seen].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  })(${JSON.stringify(side)})`) as Promise<(string | null)[]>;

type Pressing = { key: string; priority: number; urgency: number; dueAt: number };

/** Each stored client's open follow-ups of these kinds, as the background stored them, read from the page. */
const followUpsOf = (page: Page, kinds: string[]) =>
  page.evaluate(`(async (kinds) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('keepwarm');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const clients = await new Promise((resolve) => {
      const request = db.transaction('clients').objectStore('clients').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return clients.flatMap((c) => c.report.followUps
      .filter((f) => f.status === 'open' && kinds.includes(f.kind))
      .map((f) => ({ key: c.key + '\\n' + f.key, priority: f.priority, urgency: f.urgency, dueAt: f.dueAt })));
  })(${JSON.stringify(kinds)})`) as Promise<Pressing[]>;

/** The list holds its clients in the order of their most pressing follow-ups of these kinds, as the side panel's. */
async function expectFollowUpsOrder(page: Page, listed: (string | null)[], kinds: string[]): Promise<void> {
  const order = [...new Set((await followUpsOf(page, kinds)).sort(byPriority).map((f) => f.key.split('\n')[0] ?? ''))];
  const both = listed.filter((key): key is string => key !== null && order.includes(key));
  expect(both.length).toBeGreaterThan(1);
  expect(both).toEqual(order.filter((key) => listed.includes(key)));
}

function threadOf(key: string, turn: 'in' | 'out'): DemoThread {
  const thread = account()
    .threads.filter((t) => t.clientKey === key && t.messages.at(-1)?.direction === turn)
    .sort((a, b) => (b.messages.at(-1)?.at ?? 0) - (a.messages.at(-1)?.at ?? 0))[0];
  if (!thread) throw new Error(`no thread of ${key}`);
  return thread;
}

async function showInPanel(panel: Page, thread: DemoThread): Promise<void> {
  await gmail.bringToFront();
  const hash = `#inbox/${thread.token}`;
  // Setting the hash the tab already shows changes nothing, and the panel would have only the tab's
  // activation to follow: through the inbox, every call opens the conversation as a user does.
  if ((await gmail.evaluate('location.hash')) === hash) {
    await gmail.evaluate(`location.hash = '#inbox'`);
    await gmail.waitForSelector('h2.hP', { state: 'detached' });
  }
  await gmail.evaluate(`location.hash = '${hash}'`);
  await gmail.waitForSelector('h2.hP');
  await panel.waitForSelector(`[data-testid="client-view"][data-client="${thread.clientKey}"]`);
}

/** Saves the language through the background, as the options page does. */
const setLanguage = (language: string) => `(async () => {
  const { settings } = await chrome.runtime.sendMessage({ type: 'ui/get-settings' });
  await chrome.runtime.sendMessage({ type: 'ui/set-settings', settings: { ...settings, language: '${language}' } });
})()`;

/** The page's own text, screen-reader text included, without the mail's names, subjects and snippets. */
const UI_TEXT = `(() => {
  const main = document.querySelector('main').cloneNode(true);
  for (const element of main.querySelectorAll('bdi')) element.remove();
  return main.textContent;
})()`;

describe('the popup and side panel on the demo mailbox', () => {
  it('the popup lists exactly the demo’s clients waiting on the user, most pressing first', async () => {
    // The engine counts a wait in working time against the usual reply time, so a message
    // that came on Friday afternoon waits only a few hours by Monday morning. Those past a
    // whole working day wait on any day of the week; the list holds them, and only clients
    // with an unanswered message, the longest wait first. A message left unanswered more
    // than 30 days is no longer a wait to act on. The order is the follow-ups': urgency × value.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const clock = createBusinessClock({ ...DEFAULT_SETTINGS, timeZone });
    const workingDay = (DEFAULT_SETTINGS.endHour - DEFAULT_SETTINGS.startHour) * HOUR;
    const unanswered = account()
      .clients.map((c) => c.key)
      .filter((key) => unansweredSince(key) !== undefined);
    const longWaits = unanswered.filter((key) => {
      const since = unansweredSince(key) ?? Date.now();
      return Date.now() - since <= ACTIONABLE_WAIT_ON_US && clock.businessMillisBetween(since, Date.now()) > workingDay;
    });
    for (const key of server.mailbox.scenarios.waitingOnUs) expect(longWaits).toContain(key);
    let listed: (string | null)[] = [];
    await expect
      .poll(
        async () => {
          const popup = await openPopup();
          listed = await allRowsOf(popup, 'onYou');
          await popup.close();
          return longWaits.filter((key) => !listed.includes(key));
        },
        { timeout: 30_000 },
      )
      .toEqual([]);
    for (const key of listed) expect(unanswered).toContain(key);
    const popup = await openPopup();
    await expectFollowUpsOrder(popup, listed, ['reply', 'acknowledge']);
    const stopped = await allRowsOf(popup, 'stopped');
    await expectFollowUpsOrder(popup, stopped, ['nudge']);
    for (const key of server.mailbox.scenarios.stoppedAnswering) {
      await popup.fill('input[type="search"]', key);
      await expect.poll(() => rowsOf(popup, 'stopped')).toEqual([key]);
    }
    await popup.fill('input[type="search"]', '');
    // Each wait is set against the user's usual reply time for that client, or says there is none yet.
    const waits = await popup.$$eval('[data-side="onYou"] .kw-row', (rows) => rows.map((row) => row.textContent ?? ''));
    expect(waits.length).toBeGreaterThan(0);
    // And says why it stands where it does: its cue, or how late its follow-up is.
    for (const wait of waits)
      expect(wait).toMatch(
        /waiting \d+ (days?|hours?)\b.*(, unanswered|overdue|due in).*(you usually reply in|no reply history yet)/,
      );
    await popup.close();
  });

  it('searches, moves with the arrow keys and opens the thread in the Gmail tab of the account', async () => {
    const popup = await openPopup();
    const key = server.mailbox.scenarios.waitingOnUs[0] ?? '';
    await popup.fill('input[type="search"]', key.slice(0, 6));
    await expect.poll(() => rowsOf(popup, 'onYou')).toEqual([key]);
    await popup.fill('input[type="search"]', 'no such client anywhere');
    await expect.poll(() => popup.innerText('main')).toContain('No client matches');
    await popup.fill('input[type="search"]', '');
    await popup.focus('input[type="search"]');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const focused = await popup.evaluate(() => document.activeElement?.getAttribute('data-client'));
    expect(focused).toBe((await rowsOf(popup, 'onYou'))[1]);
    const pagesBefore = browser.context.pages().length;
    // The popup closes itself once Gmail shows the thread, possibly before the key press returns.
    const closed = popup.waitForEvent('close');
    await popup.keyboard.press('Enter').catch(() => undefined);
    await closed;
    const thread = threadOf(focused ?? '', 'in');
    await expect.poll(() => gmail.url()).toContain(`/mail/u/0/#inbox/${thread.hex}`);
    await gmail.waitForSelector('h2.hP');
    expect(await gmail.innerText('h2.hP')).toBe(thread.subject);
    expect(browser.context.pages().length).toBeLessThanOrEqual(pagesBefore);
  });

  it('the side panel shows the client of the conversation open in the active tab', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    for (const key of [...server.mailbox.scenarios.waitingOnUs, ...server.mailbox.scenarios.complaintCompetitor]) {
      await showInPanel(panel, threadOf(key, 'in'));
      const reasons = await panel.$$eval('[data-testid="reasons"] li', (items) => items.map((i) => i.dataset.kind));
      expect(reasons.length, key).toBeGreaterThan(0);
      // The chart's weeks, from the report the background stored: 13 of them, with the client's recent mail.
      const weeks = await panel.$$eval('[data-testid="activity"] tbody tr', (rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((cell) => Number(cell.textContent))),
      );
      expect(weeks, key).toHaveLength(13);
      expect(
        weeks.flat().reduce((sum, count) => sum + count, 0),
        key,
      ).toBeGreaterThan(0);
      expect(await panel.locator('[data-testid="activity-chart"]').count(), key).toBe(1);
    }
    await gmail.evaluate(`location.hash = '#inbox'`);
    await panel.waitForSelector('[data-testid="risk-list"]');
    await panel.close();
  });

  it('a snoozed follow-up stays hidden until due, across a browser restart', async () => {
    const key = server.mailbox.scenarios.waitingOnUs[1] ?? '';
    let panel = await browser.openExtensionPage('sidepanel.html');
    await showInPanel(panel, threadOf(key, 'in'));
    const followUp = panel.locator('[data-testid="follow-ups"] li').first();
    const followUpKey = await followUp.getAttribute('data-key');
    await followUp.locator('summary').click();
    await followUp.getByRole('button', { name: '1 week' }).click();
    await expect.poll(() => panel.locator(`[data-key="${followUpKey}"]`).count()).toBe(0);
    await panel.waitForSelector('[data-testid="snoozed"]');
    await panel.reload();
    await panel.waitForSelector('[data-testid="client-view"]');
    expect(await panel.locator(`[data-key="${followUpKey}"]`).count()).toBe(0);

    await browser.close();
    browser = await launch();
    gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.waitForSelector('tr.zA');
    panel = await browser.openExtensionPage('sidepanel.html');
    await showInPanel(panel, threadOf(key, 'in'));
    await panel.waitForSelector('[data-testid="snoozed"]');
    expect(await panel.locator(`[data-key="${followUpKey}"]`).count()).toBe(0);
    await panel.close();
  });

  it.each([
    ['uk', uk],
    ['ru', ru],
  ] as const)('switching to %s changes every visible string of the popup and side panel', async (language, catalog) => {
    const popup = await openPopup();
    await popup.evaluate(setLanguage(language));
    await expect.poll(() => popup.textContent('main')).toContain(catalog['popup.waitingOnYou']);
    const panel = await browser.openExtensionPage('sidepanel.html');
    await showInPanel(panel, threadOf(server.mailbox.scenarios.waitingOnUs[0] ?? '', 'in'));
    for (const page of [popup, panel]) {
      // Subjects also appear inside sentences ("Reply to “…”"): they are the mail's words, not ours.
      let text = String(await page.evaluate(UI_TEXT));
      for (const thread of account().threads) text = text.split(thread.subject).join('');
      expect(await page.evaluate('document.documentElement.lang')).toBe(language);
      for (const [key, english] of Object.entries(en) as [MessageKey, string][]) {
        // Whole English sentences and labels must be gone; shared words like "Gmail" stay.
        const fixed = english.split(/\{\w+\}/).filter((part) => /[a-z]{3}/.test(part) && part !== catalog[key]);
        for (const part of fixed) {
          const words = new RegExp(
            `(^|[^\\p{L}])${part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`,
            'u',
          );
          expect(text, `${key}: "${part.trim()}"`).not.toMatch(words);
        }
      }
    }
    await popup.evaluate(setLanguage('auto'));
    await popup.close();
    await panel.close();
  });
});
