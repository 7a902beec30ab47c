import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { sendFrom } from './extension-page';

// The built extension on the real Gmail pages saved in April 2025 (real mail,
// read here only): a consumer inbox in the default layout and a Workspace
// conversation open beside its 15-row list in the split layout. Their scripts,
// frames and stylesheet links are removed and they are served at
// mail.google.com; every other host resolves to nothing.

const SHARED = path.resolve(import.meta.dirname, '../../../shared/fixtures/gmail/dom-2025');

interface RealPage {
  file: string;
  path: string;
  account: string;
  rows: number;
  /**
   * The rows that must carry a badge with no thread opened and nothing
   * imported: those whose people include a client the page itself makes
   * certain (list rows that name their sender, people the user corresponds
   * with), and none of the automated senders. Written row by row from the page.
   */
  clientRows: string[];
}

const INBOX: RealPage = {
  file: path.join(SHARED, 'gmail-2025-04-consumer-inbox.html'),
  path: '/mail/u/1/',
  account: 'benzguo@gmail.com',
  rows: 50,
  clientRows: [
    // The law firm the user's case runs with (one client for its domain), row by row…
    '1828834710016574800',
    '1828828139894200890',
    '1828820098637837358',
    '1828776187064507105',
    '1828436093785060610',
    '1828197615088949623',
    '1828063891984073558',
    '1827883454731001485',
    '1827779115830773017',
    '1826340401207846611',
    '1825794186482735006',
    '1824535625541643484',
    '1823728772839240314',
    '1823271248470421085',
    '1823270560085070582',
    // …with the other side's firm…
    '1828308841516150974',
    '1827708095208785202',
    '1826066024578629286',
    '1825958121233060659',
    '1825323062502464326',
    '1823270057300323244',
    // …the accountant…
    '1827665274817909816',
    '1823162221075376304',
    // …the user's own company address…
    '1827832223820239290',
    // …and people at free-mail addresses the user writes with.
    '1534369996232127375',
    '1828401698681210866',
    '1824904972488195118',
    '1827225299583491152',
    '1825056396044358237',
  ],
};

const CONVERSATION: RealPage = {
  file: path.join(SHARED, 'gmail-2025-04-workspace-conversation.html'),
  path: '/mail/u/0/',
  account: 'ben@substrate.run',
  rows: 15,
  // People who wrote one-message or single-sender threads; the vendor's renewal notice, Substack and
  // Google's payment notices are set aside, and rows of the user alone or of two strangers tell no client.
  clientRows: [
    '1828862397751431963',
    '1828515838990889413',
    '1823445284096442561',
    '1826605751936729262',
    '1826515745991629369',
    '1824726247792164228',
    '1809552821037528974',
  ],
};

/** The open conversation: a SaaS vendor's automated renewal notice and the user's reply. */
const OPEN_THREAD = '1828907528778129395';
const VENDOR = 'pagerduty.com';

/** The final id of the reply sent minutes before: the conversation row's last message, 0x1961a6d572f65ac2. */
const REPLY_FINAL_ID = '1828926359376124610';

const PAGES = [INBOX, CONVERSATION];
const present = PAGES.every((page) => existsSync(page.file));

let server: DemoServer;
let browser: ExtensionBrowser;
/** Requests the extension could have made: script-made ones, and any from its worker or its pages. */
const extensionRequests: string[] = [];
let requestsSeen = 0;
const SCRIPTED = new Set(['fetch', 'xhr', 'websocket', 'eventsource', 'ping', 'other']);

function strip(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<(link|iframe)\b[^>]*>/gi, '');
}

/** The account's rows of a store keyed [account, …], read in the service worker. */
function storedOf<T>(store: string, account: string): Promise<T[]> {
  return browser.serviceWorker.evaluate(
    ({ store, account }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction(store)
            .objectStore(store)
            .getAll(IDBKeyRange.bound([account, ''], [account, '\uffff']));
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { store, account },
  );
}

interface StoredHealth {
  seen: number;
  parsed: number;
  missing: string[];
  healthy: boolean;
}

function accountHealth(account: string) {
  return browser.serviceWorker.evaluate(
    (address) =>
      new Promise<{ listHealth?: StoredHealth; conversationHealth?: StoredHealth } | undefined>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('accounts').objectStore('accounts').get(address);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
        };
      }),
    account,
  );
}

async function openGmail(page: RealPage): Promise<Page> {
  const gmail = await browser.context.newPage();
  await gmail.goto(`https://mail.google.com${page.path}#inbox`);
  await gmail.waitForSelector('tr.zA');
  await expect.poll(() => gmail.locator('tr.zA keepwarm-badge').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return gmail;
}

/** Thread ids of the list's rows that carry a badge, and of those that do not. */
function rowBadges(gmail: Page): Promise<{ badged: string[]; plain: string[] }> {
  return gmail.$$eval('[gh=tl] tr.zA[id]', (rows) => {
    const result = { badged: [] as string[], plain: [] as string[] };
    for (const row of rows) {
      // The thread id as Keepwarm stores it: a `thread-f:` decimal, or else the legacy hex id read as a number.
      const ids = row.querySelector('.bog [data-thread-id]');
      const decimal = /^#thread-f:(\d+)$/.exec(ids?.getAttribute('data-thread-id') ?? '')?.[1];
      const id = decimal ?? BigInt(`0x${ids?.getAttribute('data-legacy-thread-id') ?? '0'}`).toString(10);
      (row.querySelector('keepwarm-badge') ? result.badged : result.plain).push(id);
    }
    return result;
  });
}

/**
 * Badges exactly on the rows of clients, none on the rows of anyone else:
 * `clientRows` are the thread ids of the rows whose people are clients.
 */
async function expectBadgesExactlyOnClientRows(gmail: Page, clientRows: readonly string[]): Promise<void> {
  const expected = [...clientRows].sort();
  await expect.poll(async () => (await rowBadges(gmail)).badged.sort(), { timeout: 30_000 }).toEqual(expected);
  const { plain } = await rowBadges(gmail);
  expect(plain.filter((id) => expected.includes(id))).toEqual([]);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * For every badge in a row: its host's box, the boxes of the row's subject
 * text, senders, date and snippet, and of the subject box that clips it.
 */
function badgeBoxes(gmail: Page) {
  return gmail.$$eval('[gh=tl] tr.zA[id]', (rows) => {
    const box = (element: Element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    return rows.flatMap((row) => {
      const badge = row.querySelector('keepwarm-badge');
      if (!badge) return [];
      const texts = [
        ...[...(badge.parentElement?.children ?? [])].filter((el) => el !== badge),
        ...row.querySelectorAll('div.yW [email], div.yW .bx0, td.xW span[title], .y2'),
      ];
      return [
        {
          row: row.id,
          badge: box(badge),
          clip: badge.parentElement ? box(badge.parentElement) : box(row),
          texts: texts.map((el) => ({ what: el.className || el.tagName, box: box(el) })),
        },
      ];
    });
  });
}

const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const inside = (a: Box, b: Box) =>
  a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;

async function expectNoBadgeOverText(gmail: Page): Promise<void> {
  const boxes = await badgeBoxes(gmail);
  expect(boxes.length).toBeGreaterThan(0);
  for (const { row, badge, clip, texts } of boxes) {
    expect(badge.bottom - badge.top, row).toBeGreaterThan(10);
    // Whole, not cut by the subject box that holds it.
    expect(inside(badge, clip), `${row}: ${JSON.stringify({ badge, clip })}`).toBe(true);
    for (const text of texts) {
      expect(overlaps(badge, text.box), `${row}: badge over ${text.what} ${JSON.stringify({ badge, text })}`).toBe(
        false,
      );
    }
  }
  // Rows are as tall with their badges as without.
  const heights = () => gmail.$$eval('[gh=tl] tr.zA', (rows) => rows.map((row) => row.getBoundingClientRect().height));
  const withBadges = await heights();
  const hide = await gmail.addStyleTag({ content: 'keepwarm-badge { display: none !important; }' });
  expect(await heights()).toEqual(withBadges);
  await hide.evaluate((style) => (style as Element).remove());
}

describe.skipIf(!present)('the real 2025 Gmail pages', () => {
  beforeAll(async () => {
    const html = new Map(PAGES.map((page) => [page.path, strip(readFileSync(page.file, 'utf8'))]));
    server = await startDemoServer({
      routes: {
        'mail.google.com': (request) => {
          const body = [...html].find(([prefix]) => (request.url ?? '').startsWith(prefix))?.[1];
          return body
            ? { status: 200, contentType: 'text/html; charset=utf-8', body }
            : { status: 404, contentType: 'text/plain', body: 'not found' };
        },
      },
    });
    browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
    browser.context.on('request', (request) => {
      requestsSeen += 1;
      const url = new URL(request.url());
      if (!/^(https?|wss?):$/.test(url.protocol)) return;
      const frame = request.serviceWorker() ? 'worker' : (request.frame()?.url() ?? 'worker');
      // The page's own host may be asked (the page itself); the saved pages' own images point at Google's
      // other hosts, so from a Gmail tab only script-made requests could be the extension's.
      if (url.host === 'mail.google.com') return;
      if (SCRIPTED.has(request.resourceType()) || !frame.startsWith('https://mail.google.com/')) {
        extensionRequests.push(request.url());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each([
    ['inbox, default layout', INBOX],
    ['conversation beside its list, split layout', CONVERSATION],
  ])('%s', (_, page) => {
    it('reads every row, and the account’s stored health says the page is healthy', async () => {
      const gmail = await openGmail(page);
      await expect
        .poll(async () => (await accountHealth(page.account))?.listHealth, { timeout: 30_000 })
        .toMatchObject({ seen: page.rows, parsed: page.rows, missing: [], healthy: true });
      const threads = await storedOf<{ threadId: string }>('threads', page.account);
      expect(threads.length).toBe(page.rows);
      await gmail.close();
    });

    it('badges exactly the rows of clients', async () => {
      const gmail = await openGmail(page);
      await expectBadgesExactlyOnClientRows(gmail, page.clientRows);
      await gmail.close();
    });

    it('puts no badge over a row’s subject, senders, date or snippet, and keeps each whole', async () => {
      const gmail = await openGmail(page);
      await expectBadgesExactlyOnClientRows(gmail, page.clientRows);
      await expectNoBadgeOverText(gmail);
      await gmail.close();
    });
  });

  it('reads the conversation, with the reply sent minutes before, as healthy; its vendor is set aside until the user makes it a client', async () => {
    const gmail = await openGmail(CONVERSATION);
    await expect
      .poll(async () => (await accountHealth(CONVERSATION.account))?.conversationHealth, { timeout: 30_000 })
      .toMatchObject({ seen: 2, parsed: 2, missing: [], healthy: true });
    // The renewal notice is automated mail: set aside, no client, so no badge in the heading.
    await expect
      .poll(async () => (await storedOf<{ key: string }>('setAside', CONVERSATION.account)).map((e) => e.key), {
        timeout: 30_000,
      })
      .toContain(VENDOR);
    expect(await gmail.locator('h2.hP keepwarm-badge').count()).toBe(0);

    // One click in Keepwarm's own pages makes the vendor a client; the heading then carries its badge.
    const panel = await browser.openExtensionPage('popup.html');
    await sendFrom(panel, {
      type: 'ui/set-client-override',
      account: CONVERSATION.account,
      clientKey: VENDOR,
      override: { include: true },
    });
    await panel.close();
    const badge = gmail.locator('h2.hP keepwarm-badge');
    await badge.waitFor({ timeout: 30_000 });
    // At the end of the heading, beside its text, not over it.
    const { heading, text } = await gmail.$eval('h2.hP', (h2) => {
      const range = document.createRange();
      const rects = [...h2.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .flatMap((node) => {
          range.selectNodeContents(node);
          return [...range.getClientRects()].map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
        });
      const { left, top, right, bottom } = (h2.querySelector('keepwarm-badge') as Element).getBoundingClientRect();
      return { heading: { left, top, right, bottom }, text: rects };
    });
    expect(text.length).toBeGreaterThan(0);
    for (const line of text) expect(overlaps(heading, line)).toBe(false);

    // The reply is stored once, under the final id the list row already shows
    // (`data-legacy-last-message-id`); its msg-a sighting in the conversation stored nothing.
    const stored = async () =>
      (await storedOf<{ id: string; threadId: string }>('messages', CONVERSATION.account))
        .filter((m) => m.threadId === OPEN_THREAD)
        .map((m) => m.id)
        .sort();
    await expect.poll(stored, { timeout: 30_000 }).toEqual([OPEN_THREAD, REPLY_FINAL_ID].sort());
    await gmail.close();
  });

  it('makes no request of its own to any host', () => {
    expect(requestsSeen).toBeGreaterThan(0);
    expect(extensionRequests).toEqual([]);
  });
});
