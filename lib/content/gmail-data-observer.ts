import {
  encodeGmailData,
  GMAIL_DATA_EVENT,
  GMAIL_DATA_READY_EVENT,
  type GmailDataKind,
  MAX_DATA_CHARS,
  MAX_HELD_PAYLOADS,
} from './gmail-data-channel';

// Runs in the page's own world at document_start, before Gmail's code: it sees
// copies of the data Gmail's code receives and hands them to the isolated
// content script. It never delays, alters, re-issues or makes a request: every
// wrapper calls Gmail's original first with the same `this` and arguments and
// returns its very result, lets its exceptions through, and only then reads a
// copy. Nothing of ours may throw into Gmail's code, so every read of ours is
// guarded.

type PageWindow = typeof globalThis & Window;

/**
 * The hand-over: what comes before the isolated script listens is held
 * (bounded), since that script starts at document_idle, after the first-load
 * data went by. The event machinery is taken now, so a page script that
 * replaces it later cannot make the hand-over throw into Gmail's code.
 */
function hold(win: PageWindow): (kind: GmailDataKind, url: string, text: string) => void {
  const document = win.document;
  const { dispatchEvent } = win.EventTarget.prototype;
  const DataEvent = win.CustomEvent;
  const held: string[] = [];
  let listening = false;
  const dispatch = (detail: string) =>
    Reflect.apply(dispatchEvent, document, [new DataEvent(GMAIL_DATA_EVENT, { detail })]);
  document.addEventListener(GMAIL_DATA_READY_EVENT, () => {
    if (listening) return;
    listening = true;
    for (const detail of held.splice(0)) dispatch(detail);
  });
  return (kind, url, text) => {
    try {
      const detail =
        text.length > MAX_DATA_CHARS
          ? encodeGmailData({ kind: 'too-large', url, text: '' })
          : encodeGmailData({ kind, url, text });
      if (listening) dispatch(detail);
      else if (held.length < MAX_HELD_PAYLOADS) held.push(detail);
    } catch {}
  };
}

function absolute(win: PageWindow, url: unknown): string | undefined {
  if (typeof url !== 'string' && !(url instanceof win.URL)) return undefined;
  return new win.URL(String(url), win.location.href).href;
}

function observeXhr(win: PageWindow, accepts: (url: string) => boolean, post: ReturnType<typeof hold>): void {
  const proto = win.XMLHttpRequest.prototype;
  const { open, send } = proto;
  const listen = win.EventTarget.prototype.addEventListener;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const listened = new WeakSet<XMLHttpRequest>();
  const onLoad = (event: Event) => {
    try {
      const xhr = event.currentTarget as XMLHttpRequest;
      const url = urls.get(xhr);
      // responseText throws for other response types: Gmail's data is text.
      if (!url || xhr.status < 200 || xhr.status > 299 || (xhr.responseType !== '' && xhr.responseType !== 'text'))
        return;
      post('response', url, xhr.responseText);
    } catch {}
  };
  // Method shorthand: like the natives, the wrappers are not constructors.
  proto.open = {
    open(this: XMLHttpRequest, ...args: unknown[]) {
      const result = Reflect.apply(open, this, args);
      try {
        const url = absolute(win, args[1]);
        if (url && accepts(url)) urls.set(this, url);
        else urls.delete(this);
      } catch {}
      return result;
    },
  }.open as typeof open;
  proto.send = {
    send(this: XMLHttpRequest, ...args: unknown[]) {
      try {
        if (urls.has(this) && !listened.has(this)) {
          listened.add(this);
          Reflect.apply(listen, this, ['load', onLoad]);
        }
      } catch {}
      return Reflect.apply(send, this, args);
    },
  }.send as typeof send;
}

function observeFetch(win: PageWindow, accepts: (url: string) => boolean, post: ReturnType<typeof hold>): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  win.fetch = {
    fetch(this: unknown, ...args: unknown[]) {
      const result: Promise<Response> = Reflect.apply(original, this, args);
      try {
        const input = args[0];
        const url = absolute(win, input instanceof win.Request ? input.url : input);
        if (url && accepts(url)) {
          // Registered before Gmail's own `then`, so the body is still unread when copied.
          result.then(
            (response) => {
              try {
                if (!response.ok) return;
                response
                  .clone()
                  .text()
                  .then(
                    (text) => post('response', url, text),
                    () => undefined,
                  );
              } catch {}
            },
            () => undefined,
          );
        }
      } catch {}
      return result;
    },
  }.fetch as typeof original;
}

/**
 * Gmail's page defines `_GM_setData` and then calls it with the data embedded
 * at first load. An accessor on window catches the definition; reading it
 * gives Gmail's function wrapped, and every call goes through unchanged.
 */
function observeSetData(win: PageWindow, post: ReturnType<typeof hold>): void {
  const name = '_GM_setData';
  const descriptor = Object.getOwnPropertyDescriptor(win, name);
  if (descriptor && !descriptor.configurable) return;
  let wrapped: unknown;
  const wrap = (value: unknown) => {
    if (typeof value !== 'function') return value;
    return {
      _GM_setData(this: unknown, ...args: unknown[]) {
        const result = Reflect.apply(value, this, args);
        try {
          // The call as the page's own script spells it: the parser reads that form.
          const json = JSON.stringify(args[0]);
          if (typeof json === 'string') post('page-data', win.location.href, `_GM_setData(${json})`);
        } catch {}
        return result;
      },
    }._GM_setData;
  };
  wrapped = wrap(descriptor?.value);
  Object.defineProperty(win, name, {
    configurable: true,
    enumerable: true,
    get: () => wrapped,
    set: (value: unknown) => {
      wrapped = wrap(value);
    },
  });
}

/** Installs the observer on the page's window; `accepts` says which request URLs carry Gmail's thread data. */
export function observeGmailData(win: PageWindow, accepts: (url: string) => boolean): void {
  const post = hold(win);
  observeXhr(win, accepts, post);
  observeFetch(win, accepts, post);
  observeSetData(win, post);
}
