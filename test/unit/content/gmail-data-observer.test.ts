import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeGmailData,
  GMAIL_DATA_EVENT,
  GMAIL_DATA_READY_EVENT,
  type GmailDataDetail,
  MAX_DATA_CHARS,
  MAX_HELD_PAYLOADS,
} from '@/lib/content/gmail-data-channel';
import { observeGmailData } from '@/lib/content/gmail-data-observer';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';

// The page-world observer in a DOM-like window whose network is the test's:
// every request the page makes is counted and answered here, so the tests see
// what Gmail's code sees, with the observer installed and without.

const PAGE = 'https://mail.google.com/mail/u/0/#inbox';
const LIST_URL = 'https://mail.google.com/sync/u/0/i/bv?hl=en&c=3';
const THREAD_URL = 'https://mail.google.com/sync/u/0/i/fd?hl=en&c=4';
const BODY = '{"1":0,"2":[{"1":"thread-f:1743836977043622489"}]}';

type PageWindow = Parameters<typeof observeGmailData>[0];

interface Page {
  win: PageWindow;
  requests: string[];
  seen: GmailDataDetail[];
}

const windows: HappyWindow[] = [];
afterEach(async () => {
  for (const win of windows.splice(0)) await win.happyDOM.close();
});

function openPage(options: { observe?: boolean; body?: string; status?: number } = {}): Page {
  const requests: string[] = [];
  const window = new HappyWindow({
    url: PAGE,
    settings: {
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ request, window }) => {
            requests.push(request.url);
            if (request.url.includes('offline')) throw new TypeError('Failed to fetch');
            return new window.Response(options.body ?? BODY, { status: options.status ?? 200 });
          },
        },
      },
    },
  });
  windows.push(window);
  const win = window as unknown as PageWindow;
  if (options.observe ?? true) observeGmailData(win, isGmailDataUrl);
  const seen: GmailDataDetail[] = [];
  win.document.addEventListener(GMAIL_DATA_EVENT, (event) => {
    const decoded = decodeGmailData((event as CustomEvent).detail);
    if (!('refused' in decoded)) seen.push(decoded);
  });
  win.document.dispatchEvent(new win.CustomEvent(GMAIL_DATA_READY_EVENT));
  return { win, requests, seen };
}

/** Gmail's way: an XHR with handlers set as properties and by addEventListener. */
function gmailXhr(win: PageWindow, url: string, setup: (xhr: XMLHttpRequest) => void = () => {}) {
  const xhr = new win.XMLHttpRequest();
  const got: { onload?: string; listener?: string; state?: string } = {};
  const loaded = new Promise<void>((resolve) => {
    xhr.onreadystatechange = () => {
      if (xhr.readyState === 4) got.state = xhr.responseType === '' ? xhr.responseText : 'not text';
    };
    xhr.onload = () => {
      got.onload = xhr.responseType === '' ? xhr.responseText : 'not text';
    };
    xhr.addEventListener('loadend', () => {
      got.listener = xhr.responseType === '' ? xhr.responseText : 'not text';
      resolve();
    });
  });
  xhr.open('POST', url);
  setup(xhr);
  xhr.send('req=1');
  return { xhr, got, loaded };
}

describe('the page-world observer, XMLHttpRequest', () => {
  it('gives Gmail the same response and hands over one copy of a thread list', async () => {
    const page = openPage();
    const { got, loaded } = gmailXhr(page.win, '/sync/u/0/i/bv?hl=en&c=3');
    await loaded;
    expect(got).toEqual({ state: BODY, onload: BODY, listener: BODY });
    expect(page.seen).toEqual([{ kind: 'response', url: LIST_URL, text: BODY }]);
    expect(page.requests).toEqual([LIST_URL]);
  });

  it('leaves other requests alone: nothing copied, one request each', async () => {
    const page = openPage();
    const other = gmailXhr(page.win, '/mail/u/0/?ui=2&view=att&th=1');
    await other.loaded;
    expect(other.got.onload).toBe(BODY);
    expect(page.seen).toEqual([]);
    expect(page.requests).toHaveLength(1);
  });

  it('copies nothing from a failed response or one Gmail asked for in another type', async () => {
    const failed = openPage({ status: 500 });
    await gmailXhr(failed.win, LIST_URL).loaded;
    expect(failed.seen).toEqual([]);
    const typed = openPage();
    const { got, loaded } = gmailXhr(typed.win, LIST_URL, (xhr) => {
      xhr.responseType = 'arraybuffer';
    });
    await loaded;
    expect(got.onload).toBe('not text');
    expect(typed.seen).toEqual([]);
  });

  it('keeps the constructor, instanceof, this and the errors Gmail would get', async () => {
    const page = openPage({ observe: false });
    const Xhr = page.win.XMLHttpRequest;
    const open = vi.spyOn(Xhr.prototype, 'open');
    observeGmailData(page.win, isGmailDataUrl);
    expect(page.win.XMLHttpRequest).toBe(Xhr);
    const xhr = new page.win.XMLHttpRequest();
    expect(xhr).toBeInstanceOf(Xhr);
    expect(xhr.open('POST', LIST_URL)).toBeUndefined();
    expect(open.mock.contexts[0]).toBe(xhr);
    expect(open.mock.calls[0]).toEqual(['POST', LIST_URL]);
    // Errors of the native methods reach Gmail as they are.
    const unopened = new page.win.XMLHttpRequest();
    expect(() => unopened.send()).toThrow();
    expect(() => new page.win.XMLHttpRequest().open('BAD METHOD', LIST_URL)).toThrow();
    expect(page.requests).toEqual([]);
  });

  it('a throwing Gmail handler still throws, and the copy is still handed over', async () => {
    const page = openPage();
    const errors: unknown[] = [];
    page.win.addEventListener('error', (event) => errors.push((event as ErrorEvent).error));
    const failure = new Error('Gmail handler failed');
    const { loaded } = gmailXhr(page.win, LIST_URL, (xhr) => {
      xhr.onload = () => {
        throw failure;
      };
    });
    await loaded;
    expect(errors).toContain(failure);
    expect(page.seen).toHaveLength(1);
  });
});

describe('the page-world observer, fetch', () => {
  it('returns Gmail the very promise fetch returned, with the whole body still to read', async () => {
    const page = openPage({ observe: false });
    const returned: unknown[] = [];
    const native = page.win.fetch;
    page.win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const promise = Reflect.apply(native, this, args);
      returned.push(promise);
      return promise;
    } as typeof fetch;
    observeGmailData(page.win, isGmailDataUrl);
    page.win.document.dispatchEvent(new page.win.CustomEvent(GMAIL_DATA_READY_EVENT));
    const promise = page.win.fetch(THREAD_URL, { method: 'POST', body: 'req=1' });
    expect(promise).toBe(returned[0]);
    const response = await promise;
    expect(response).toBeInstanceOf(page.win.Response);
    expect(await response.text()).toBe(BODY);
    await vi.waitFor(() => expect(page.seen).toEqual([{ kind: 'response', url: THREAD_URL, text: BODY }]));
    expect(page.requests).toEqual([THREAD_URL]);
  });

  it('takes a Request as Gmail may pass one, and lets a failed fetch reject as it would', async () => {
    const page = openPage();
    const response = await page.win.fetch(new page.win.Request(LIST_URL));
    expect(await response.text()).toBe(BODY);
    await vi.waitFor(() => expect(page.seen).toHaveLength(1));
    await expect(page.win.fetch('https://mail.google.com/sync/u/0/i/bv?offline')).rejects.toThrow('Failed to fetch');
    expect(page.seen).toHaveLength(1);
  });
});

describe('the page-world observer, first-load data', () => {
  it('passes every _GM_setData call through and hands over the call as the page spelt it', () => {
    const page = openPage();
    const calls: { self: unknown; args: unknown[] }[] = [];
    const gmailSetData = function (this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      return 'stored';
    };
    const win = page.win as unknown as Record<string, unknown>;
    win._GM_setData = gmailSetData;
    const data = { a6jdv: [[null, null, '[1,[]]']] };
    const setData = win._GM_setData as (value: unknown) => unknown;
    expect(setData.call(page.win, data)).toBe('stored');
    expect(calls).toEqual([{ self: page.win, args: [data] }]);
    expect(page.seen).toEqual([{ kind: 'page-data', url: PAGE, text: `_GM_setData(${JSON.stringify(data)})` }]);
    expect(page.requests).toEqual([]);
  });

  it('lets an exception of Gmail’s function through and hands nothing over', () => {
    const page = openPage();
    const failure = new Error('no');
    const win = page.win as unknown as Record<string, unknown>;
    win._GM_setData = () => {
      throw failure;
    };
    expect(() => (win._GM_setData as (value: unknown) => void)({})).toThrow(failure);
    expect(page.seen).toEqual([]);
  });
});

describe('the hand-over', () => {
  it('holds what came before the content script listens, bounded, and hands it over once', () => {
    const page = openPage({ observe: false });
    observeGmailData(page.win, isGmailDataUrl);
    const win = page.win as unknown as Record<string, (value: unknown) => void>;
    win._GM_setData = () => {};
    for (let i = 0; i < MAX_HELD_PAYLOADS + 5; i++) win._GM_setData({ i });
    expect(page.seen).toEqual([]);
    page.win.document.dispatchEvent(new page.win.CustomEvent(GMAIL_DATA_READY_EVENT));
    expect(page.seen).toHaveLength(MAX_HELD_PAYLOADS);
    page.win.document.dispatchEvent(new page.win.CustomEvent(GMAIL_DATA_READY_EVENT));
    expect(page.seen).toHaveLength(MAX_HELD_PAYLOADS);
  });

  it('still hands over, and never throws into Gmail, when a page script replaces the event machinery later', async () => {
    const page = openPage();
    page.win.EventTarget.prototype.dispatchEvent = () => {
      throw new Error('replaced');
    };
    page.win.CustomEvent = undefined as unknown as typeof CustomEvent;
    const { got, loaded } = gmailXhr(page.win, LIST_URL);
    await loaded;
    expect(got.onload).toBe(BODY);
    expect(page.seen).toEqual([{ kind: 'response', url: LIST_URL, text: BODY }]);
  });

  it('says a payload was too large instead of handing it over', async () => {
    const page = openPage({ body: 'x'.repeat(MAX_DATA_CHARS + 1) });
    await gmailXhr(page.win, LIST_URL).loaded;
    expect(page.seen).toEqual([{ kind: 'too-large', url: LIST_URL, text: '' }]);
  });
});
