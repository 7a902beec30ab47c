import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, type RouteResponse, startDemoServer } from '../demo/server';
import { EMBEDDED_SET_DATA } from '../fixtures/gmail/page-data/embedded-set-data';
import { SYNC_BV_LIST } from '../fixtures/gmail/page-data/sync-bv-list';
import { SYNC_FD_THREAD } from '../fixtures/gmail/page-data/sync-fd-thread';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// Gmail's own thread data, read in the page: a page at mail.google.com that
// itself embeds first-load data, fetches a thread list with XMLHttpRequest and
// a thread with fetch, as Gmail's code does. The built extension stores the
// messages with their senders, Gmail's code gets exactly its responses, and
// no request is made but the page's own.

const ACCOUNT = 'olena@brightpath.example';
const LIST = '/sync/u/0/i/bv?hl=en&c=1';
const THREAD = '/sync/u/0/i/fd?hl=en&c=2';

// The page's own script: defines `_GM_setData` as Gmail's does (by assignment),
// then asks for its data and keeps what it got for the test to compare.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Inbox - ${ACCOUNT} - Gmail</title>
<script>window._GM_setData = function (data) { window.pageData = (window.pageData || []).concat([data]); return 'kept'; };</script>
<script>${EMBEDDED_SET_DATA}</script>
</head><body><div role="main"></div>
<script>
  window.got = {};
  const xhr = new XMLHttpRequest();
  xhr.onreadystatechange = () => { if (xhr.readyState === 4) window.got.xhr = xhr.responseText; };
  xhr.open('POST', ${JSON.stringify(LIST)});
  xhr.send('f.req=1');
  fetch(${JSON.stringify(THREAD)}, { method: 'POST', body: 'f.req=2' })
    .then((response) => response.text())
    .then((text) => { window.got.fetch = text; });
</script></body></html>`;

const served: string[] = [];

function route(request: IncomingMessage): RouteResponse {
  const url = request.url ?? '/';
  served.push(`${request.method} ${url}`);
  if (url.startsWith('/sync/u/0/i/bv')) return { status: 200, contentType: 'application/json', body: SYNC_BV_LIST };
  if (url.startsWith('/sync/u/0/i/fd')) return { status: 200, contentType: 'application/json', body: SYNC_FD_THREAD };
  if (url.startsWith('/mail/u/0/')) return { status: 200, contentType: 'text/html', body: PAGE };
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}

let server: DemoServer;
let browser: ExtensionBrowser;
const requests: string[] = [];

beforeAll(async () => {
  server = await startDemoServer({ seed: 7, routes: { 'mail.google.com': route } });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  browser.context.on('request', (request) => requests.push(request.url()));
  // Listens on the channel as any page script could, to see which of Gmail's ways each copy came by.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { channel: string[] }).channel = seen;
    document.addEventListener('keepwarm:gmail-data', (event) => {
      const [kind, url] = String((event as CustomEvent).detail).split('\n', 2);
      seen.push(`${kind} ${url}`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface StoredRow {
  id: string;
  source: string;
  senderKnown: boolean;
  from: { email: string };
}

function storedMessages(): Promise<StoredRow[]> {
  return browser.serviceWorker.evaluate(async (account) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'keepwarm')) return [];
    return new Promise<StoredRow[]>((resolve, reject) => {
      const open = indexedDB.open('keepwarm');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('messages')) {
          db.close();
          resolve([]);
          return;
        }
        const request = db
          .transaction('messages')
          .objectStore('messages')
          .getAll(IDBKeyRange.bound([account, ''], [account, '\uffff']));
        request.onsuccess = () => {
          db.close();
          resolve(request.result as StoredRow[]);
        };
      };
    });
  }, ACCOUNT);
}

describe('Gmail’s own thread data, read in the page', () => {
  it('stores every message with its sender, changes nothing for Gmail and makes no request of its own', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await expect.poll(() => gmail.evaluate(() => Object.keys((window as { got?: object }).got ?? {}).length)).toBe(2);

    await expect
      .poll(async () => (await storedMessages()).length, { timeout: 15_000, interval: 500 })
      .toBeGreaterThanOrEqual(3);
    const messages = await storedMessages();
    expect(messages.every((m) => m.source === 'gmail-data' && m.senderKnown)).toBe(true);
    expect(new Set(messages.map((m) => m.from.email))).toContain('dana@northwind.example');

    // Gmail's code got its responses and its first-load data exactly as served.
    const page = await gmail.evaluate(() => {
      const w = window as unknown as { got: { xhr: string; fetch: string }; pageData: unknown[] };
      return {
        got: w.got,
        calls: w.pageData.length,
        setData: typeof (window as { _GM_setData?: unknown })._GM_setData,
      };
    });
    expect(page.got).toEqual({ xhr: SYNC_BV_LIST, fetch: SYNC_FD_THREAD });
    expect(page.calls).toBe(1);
    expect(page.setData).toBe('function');
    const channel = await gmail.evaluate(() => (window as unknown as { channel: string[] }).channel);
    expect(channel.sort()).toEqual(
      [
        'page-data https://mail.google.com/mail/u/0/#inbox',
        `response https://mail.google.com${LIST}`,
        `response https://mail.google.com${THREAD}`,
      ].sort(),
    );
    // One request for each of the page's own, none re-issued, none of ours.
    // The two are the page's own and run side by side: which the server answers first is not ours to say.
    expect(served.filter((r) => r.startsWith('POST /sync/')).sort()).toEqual([`POST ${LIST}`, `POST ${THREAD}`].sort());
    const pageRequests = requests.filter((url) => !url.startsWith('chrome-extension:'));
    expect(pageRequests.sort()).toEqual(
      [
        'https://mail.google.com/mail/u/0/',
        `https://mail.google.com${LIST}`,
        `https://mail.google.com${THREAD}`,
      ].sort(),
    );
    await gmail.close();
  });
});
