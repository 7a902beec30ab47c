// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://mail.google.com/mail/u/0/#inbox" }
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storeGmailData } from '@/lib/background/gmail-data';
import { createRouter, type Handlers } from '@/lib/background/router';
import { receiveGmailData } from '@/lib/content/gmail-data';
import { encodeGmailData, GMAIL_DATA_EVENT, GMAIL_DATA_READY_EVENT } from '@/lib/content/gmail-data-channel';
import { RATE_WINDOW_MS } from '@/lib/content/gmail-data-receiver';
import { accountIdentity } from '@/lib/engine/account-identity';
import type { ContentGmailDataSeen } from '@/lib/features/gmail/messages';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import type { KeepwarmDb } from '@/lib/store/db';
import { EMBEDDED_SET_DATA } from '../../fixtures/gmail/page-data/embedded-set-data';
import { SYNC_BV_LIST } from '../../fixtures/gmail/page-data/sync-bv-list';
import { SYNC_FD_THREAD } from '../../fixtures/gmail/page-data/sync-fd-thread';
import { freshDbPerTest } from '../store/fresh-db';

// What another script in the Gmail page can do with the channel: dispatch any
// event it likes. Through the content script (its real wiring and parser) and
// the background (router and handler), it can at most show Keepwarm what
// editing the DOM could: observations of the tab's own account, validated and
// bounded. Never another account, a setting or a correction.

const ME = 'olena@brightpath.example';
const ORIGIN = 'chrome-extension://keepwarm/';
const TAB = { url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };
const OWN_LIST = 'https://mail.google.com/sync/u/0/i/bv?hl=en&c=7';
const OWN_THREAD = 'https://mail.google.com/sync/u/0/i/fd?hl=en&c=8';

let db: KeepwarmDb;
freshDbPerTest('gmail-data-forgery', (fresh) => {
  db = fresh;
});

/** The background's side, as start.ts wires it: the router, then the data handler. */
function background() {
  const handlers = {
    'content/gmail-data-seen': async (message: ContentGmailDataSeen) => {
      const page = {
        account: message.account.address,
        identity: accountIdentity(message.account.address),
        accountPath: message.account.accountPath,
        health: message.health,
        now: Date.UTC(2026, 0, 1),
      };
      await storeGmailData(db, message.threads, page);
      return { stored: message.threads.length };
    },
  } as Partial<Handlers> as Handlers;
  return createRouter(handlers, ORIGIN);
}

let ctx: ContentScriptContext;
let sent: ContentGmailDataSeen[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.title = `Inbox - ${ME} - Gmail`;
  ctx = new ContentScriptContext('test');
  sent = [];
  receiveGmailData(ctx, {
    account: () => readGmailAccount(new URL(location.href), document),
    pageLanguage: () => 'en',
    isDataUrl: isGmailDataUrl,
    parse: (text, { url }) => parseGmailData(text, { url, accountPath: location.pathname }),
    send: (message) => sent.push(message),
  });
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

const forge = (detail: unknown) => document.dispatchEvent(new CustomEvent(GMAIL_DATA_EVENT, { detail }));
const forgeData = (kind: 'response' | 'page-data', url: string, text: string) =>
  forge(encodeGmailData({ kind, url, text }));

/** Lets the content script parse and send, then the background store, what the page handed over. */
async function deliver(): Promise<void> {
  // Past the content script's rate window too: each delivery is a new stretch of the page's life.
  await vi.advanceTimersByTimeAsync(RATE_WINDOW_MS);
  const router = background();
  for (const message of sent.splice(0)) await router.route(message, TAB);
}

async function untouchedBeyondTheTabsAccount(): Promise<void> {
  for (const table of ['settings', 'clientOverrides', 'followUpStates', 'crmLearned', 'clients'] as const) {
    expect(await db.table(table).count(), table).toBe(0);
  }
  expect((await db.accounts.toArray()).filter((a) => a.address !== ME)).toEqual([]);
  for (const table of ['messages', 'threads'] as const) {
    const accounts = new Set((await db.table(table).toArray()).map((row: { account: string }) => row.account));
    expect(
      [...accounts].filter((account) => account !== ME),
      table,
    ).toEqual([]);
  }
}

describe('another script in the Gmail page, using the channel', () => {
  it('Gmail’s own data of the tab’s account is stored, with exact senders', async () => {
    forgeData('page-data', location.href, EMBEDDED_SET_DATA);
    forgeData('response', OWN_LIST, SYNC_BV_LIST);
    forgeData('response', OWN_THREAD, SYNC_FD_THREAD);
    await deliver();
    const messages = await db.messages.toArray();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.source === 'gmail-data' && m.senderKnown && m.account === ME)).toBe(true);
    expect((await db.accounts.get(ME))?.dataHealth).toMatchObject({ recognised: 3 });
  });

  it('cannot reach another account: its data is refused, counted, and nothing of it is stored', async () => {
    forgeData('response', 'https://mail.google.com/sync/u/1/i/bv?hl=en', SYNC_BV_LIST);
    forgeData('page-data', 'https://mail.google.com/mail/u/1/#inbox', EMBEDDED_SET_DATA);
    forgeData('response', 'https://evil.example/sync/u/0/i/bv', SYNC_BV_LIST);
    await deliver();
    expect(await db.messages.count()).toBe(0);
    expect(await db.threads.count()).toBe(0);
    expect((await db.accounts.get(ME))?.dataHealth?.refused).toEqual({ 'other-account': 2, 'other-origin': 1 });
    await untouchedBeyondTheTabsAccount();
  });

  it('cannot send a setting, a correction or a follow-up through it: only data of the tab’s account goes out', async () => {
    const attempts = [
      { type: 'ui/set-settings', settings: {} },
      { type: 'ui/set-client-override', account: ME, clientKey: 'acme.com', override: { ignore: true } },
      { type: 'ui/set-follow-up', account: ME, clientKey: 'acme.com', key: 'k', status: 'done' },
      { type: 'content/gmail-data-seen', account: { accountPath: 'u/1', address: 'other@gmail.com' }, threads: [] },
    ];
    for (const attempt of attempts) {
      forge(attempt);
      forgeData('response', OWN_LIST, JSON.stringify(attempt));
      forgeData('page-data', location.href, `_GM_setData(${JSON.stringify(attempt)})`);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent.every((m) => m.type === 'content/gmail-data-seen' && m.account.address === ME)).toBe(true);
    expect(sent.every((m) => m.account.accountPath === 'u/0' && m.threads.length === 0)).toBe(true);
    await deliver();
    await untouchedBeyondTheTabsAccount();
  });

  it('whatever it dispatches, only the tab’s own account is ever written, and nothing but its mail', async () => {
    const urls = fc.constantFrom(
      OWN_LIST,
      OWN_THREAD,
      location.href,
      'https://mail.google.com/sync/u/1/i/fd',
      'https://mail.google.com/mail/u/0/?view=tl',
      'https://evil.example/sync/u/0/i/bv',
      'not a url',
    );
    const fixture = fc.constantFrom(SYNC_BV_LIST, SYNC_FD_THREAD, EMBEDDED_SET_DATA);
    const mutated = fc
      .tuple(fixture, fc.nat(), fc.nat(), fc.string({ maxLength: 40 }))
      .map(([text, at, cut, insert]) => {
        const from = at % text.length;
        return text.slice(0, from) + insert + text.slice(from + (cut % 200));
      });
    const texts = fc.oneof(fixture, mutated, fc.json(), fc.string({ maxLength: 200 }));
    const detail = fc.oneof(
      fc
        .tuple(fc.constantFrom('response', 'page-data', 'too-large', 'other'), urls, texts)
        .map(([k, u, t]) => `${k}\n${u}\n${t}`),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(detail, { maxLength: 12 }), async (details) => {
        for (const d of details) forge(d);
        await deliver();
        await untouchedBeyondTheTabsAccount();
        for (const message of await db.messages.toArray()) {
          expect(message).toMatchObject({ source: 'gmail-data', senderKnown: true });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('says it listens once, so the page-world script hands over what it held', () => {
    const ready = vi.fn();
    document.addEventListener(GMAIL_DATA_READY_EVENT, ready);
    const second = new ContentScriptContext('test');
    receiveGmailData(second, {
      account: () => undefined,
      pageLanguage: () => '',
      isDataUrl: isGmailDataUrl,
      parse: parseGmailData,
      send: () => {},
    });
    expect(ready).toHaveBeenCalledTimes(1);
    second.abort();
  });
});

describe('batches', () => {
  it('a burst of payloads goes to the background as one message, and nothing is sent when nothing came', async () => {
    await vi.advanceTimersByTimeAsync(RATE_WINDOW_MS);
    expect(sent).toEqual([]);
    forgeData('page-data', location.href, EMBEDDED_SET_DATA);
    forgeData('response', OWN_LIST, SYNC_BV_LIST);
    forgeData('response', OWN_THREAD, SYNC_FD_THREAD);
    await vi.advanceTimersByTimeAsync(RATE_WINDOW_MS);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.health).toMatchObject({ payloads: 3, recognised: 3 });
  });
});

describe('data that comes before the account is known', () => {
  it('waits, and is sent as the tab’s account once the page names it', async () => {
    document.title = 'Gmail';
    forgeData('response', OWN_LIST, SYNC_BV_LIST);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
    document.title = `Inbox - ${ME} - Gmail`;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.account).toEqual({ accountPath: 'u/0', address: ME });
    expect(sent[0]?.threads.length).toBeGreaterThan(0);
  });
});
