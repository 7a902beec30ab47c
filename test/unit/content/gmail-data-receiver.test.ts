import { describe, expect, it, vi } from 'vitest';
import {
  encodeGmailData,
  type GmailDataKind,
  MAX_DATA_CHARS,
  MAX_HELD_PAYLOADS,
} from '@/lib/content/gmail-data-channel';
import {
  accountPathOf,
  GmailDataReceiver,
  MAX_HELD_THREADS,
  MAX_PAYLOADS_PER_WINDOW,
  MAX_QUEUED_PAYLOADS,
  RATE_WINDOW_MS,
} from '@/lib/content/gmail-data-receiver';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';
import type { GmailDataReading, GmailDataThread } from '@/lib/sites/gmail/page-data/records';

// The isolated side's acceptance rules, fed the details a page script could
// forge: only text within bounds, of the tab's own origin and account, at
// Gmail's pace, reaches the parser; everything else is counted, never read.

const PAGE = 'https://mail.google.com/mail/u/0/#inbox';
const LIST_URL = 'https://mail.google.com/sync/u/0/i/bv?hl=en';

function threadOf(n: number): GmailDataThread {
  return { threadId: String(1_000_000 + n), subject: `s${n}`, labels: [], messages: [] };
}

/** A stand-in parser: one thread per payload, named by the payload's text. */
function reading(text: string): GmailDataReading {
  return {
    threads: [threadOf(Number(text) || 0)],
    health: { payloads: 1, recognised: 1, threads: 1, messages: 0, dropped: 0, refused: {} },
  };
}

function receiver(options: { parse?: (text: string) => GmailDataReading; page?: string } = {}) {
  let now = 0;
  const tasks: (() => void)[] = [];
  const parse = vi.fn((text: string, _context: { url: string }) => (options.parse ?? reading)(text));
  const ready = vi.fn();
  const inbox = new GmailDataReceiver({
    pageUrl: () => options.page ?? PAGE,
    isDataUrl: isGmailDataUrl,
    parse,
    now: () => now,
    defer: (task) => tasks.push(task),
    onReady: ready,
  });
  const runTasks = () => {
    while (tasks.length > 0) tasks.shift()?.();
  };
  const send = (kind: GmailDataKind, url: string, text: string) => inbox.receive(encodeGmailData({ kind, url, text }));
  return { inbox, parse, ready, runTasks, send, advance: (ms: number) => (now += ms) };
}

describe('the Gmail data channel, isolated side', () => {
  it('parses a thread list of the tab’s own account, later, and hands over its threads and health', () => {
    const { inbox, parse, runTasks, send, ready } = receiver();
    send('response', LIST_URL, '7');
    expect(parse).not.toHaveBeenCalled();
    runTasks();
    expect(parse).toHaveBeenCalledWith('7', { url: LIST_URL });
    expect(ready).toHaveBeenCalled();
    expect(inbox.take()).toEqual({ threads: [threadOf(7)], health: reading('7').health });
    expect(inbox.take()).toBeUndefined();
  });

  it('takes the first-load data of the page’s own account', () => {
    const { inbox, runTasks, send } = receiver({ page: 'https://mail.google.com/mail/u/1/#inbox' });
    send('page-data', 'https://mail.google.com/mail/u/1/#inbox', '3');
    runTasks();
    expect(inbox.take()?.threads).toEqual([threadOf(3)]);
  });

  it.each([
    ['not text', { kind: 'response', url: LIST_URL, text: '1' }, 'not-text'],
    ['a number', 42, 'not-text'],
    ['no kind or url', 'just some text', 'malformed'],
    ['an unknown kind', 'setting\nhttps://mail.google.com/sync/u/0/i/bv\n1', 'malformed'],
    [
      'too large',
      encodeGmailData({ kind: 'response', url: LIST_URL, text: 'x'.repeat(MAX_DATA_CHARS + 1) }),
      'too-large',
    ],
    ['said too large', encodeGmailData({ kind: 'too-large', url: LIST_URL, text: '' }), 'too-large'],
    ['not a URL', encodeGmailData({ kind: 'response', url: 'no url', text: '1' }), 'bad-url'],
    [
      'another origin',
      encodeGmailData({ kind: 'response', url: 'https://evil.example/sync/u/0/i/bv', text: '1' }),
      'other-origin',
    ],
    [
      'another account',
      encodeGmailData({ kind: 'response', url: 'https://mail.google.com/sync/u/1/i/bv', text: '1' }),
      'other-account',
    ],
    [
      'another account’s page',
      encodeGmailData({ kind: 'page-data', url: 'https://mail.google.com/mail/u/3/', text: '1' }),
      'other-account',
    ],
    [
      'a delegated mailbox',
      encodeGmailData({ kind: 'page-data', url: 'https://mail.google.com/mail/b/x/u/0/', text: '1' }),
      'other-account',
    ],
    [
      'not Gmail’s mail at all',
      encodeGmailData({ kind: 'page-data', url: 'https://mail.google.com/settings/u/0/', text: '1' }),
      'other-account',
    ],
    [
      'not a thread-data request',
      encodeGmailData({ kind: 'response', url: 'https://mail.google.com/mail/u/0/?view=att', text: '1' }),
      'not-data-url',
    ],
  ])('refuses and counts a detail that is %s', (_name, detail, reason) => {
    const { inbox, parse, runTasks } = receiver();
    inbox.receive(detail);
    runTasks();
    expect(parse).not.toHaveBeenCalled();
    expect(inbox.take()).toEqual({
      threads: [],
      health: { payloads: 1, recognised: 0, threads: 0, messages: 0, dropped: 0, refused: { [reason]: 1 } },
    });
  });

  it('parses one payload per task, and refuses a flood beyond what waits or the rate allows', () => {
    const { inbox, parse, runTasks, send, advance } = receiver();
    for (let i = 0; i < 100; i++) send('response', LIST_URL, String(i));
    expect(parse).not.toHaveBeenCalled();
    runTasks();
    expect(parse).toHaveBeenCalledTimes(MAX_QUEUED_PAYLOADS);
    expect(inbox.take()?.health.refused).toEqual({ flood: 100 - MAX_QUEUED_PAYLOADS });
    for (let i = 0; i < 100; i++) {
      send('response', LIST_URL, String(i));
      runTasks();
    }
    expect(parse).toHaveBeenCalledTimes(MAX_PAYLOADS_PER_WINDOW);
    advance(RATE_WINDOW_MS);
    send('response', LIST_URL, '1');
    runTasks();
    expect(parse).toHaveBeenCalledTimes(MAX_PAYLOADS_PER_WINDOW + 1);
  });

  it('takes at once everything the page-world script held before the receiver listened', () => {
    const { inbox, parse, runTasks, send } = receiver();
    for (let i = 0; i < MAX_HELD_PAYLOADS; i++) send('response', LIST_URL, String(i));
    runTasks();
    expect(parse).toHaveBeenCalledTimes(MAX_HELD_PAYLOADS);
    expect(inbox.take()?.health.refused).toEqual({});
  });

  it('holds at most one message’s worth of threads while nothing takes them, counting the rest as dropped', () => {
    const many: GmailDataReading = {
      threads: Array.from({ length: 400 }, (_, i) => threadOf(i)),
      health: { payloads: 1, recognised: 1, threads: 400, messages: 0, dropped: 0, refused: {} },
    };
    const { inbox, runTasks, send, advance } = receiver({ parse: () => many });
    for (let i = 0; i < 6; i++) {
      send('response', LIST_URL, '');
      runTasks();
      advance(RATE_WINDOW_MS);
    }
    const batch = inbox.take();
    expect(batch?.threads).toHaveLength(MAX_HELD_THREADS);
    expect(batch?.health).toMatchObject({ payloads: 6, threads: 2400, dropped: 2400 - MAX_HELD_THREADS });
  });

  it('counts a parser that throws instead of losing the payload silently', () => {
    const { inbox, runTasks, send } = receiver({
      parse: () => {
        throw new Error('bug');
      },
    });
    send('response', LIST_URL, '1');
    runTasks();
    expect(inbox.take()?.health.refused).toEqual({ 'parser-error': 1 });
  });
});

describe('account paths', () => {
  it('reads the account of Gmail’s page and request URLs', () => {
    expect(accountPathOf(new URL('https://mail.google.com/mail/u/2/#inbox'))).toBe('u/2');
    expect(accountPathOf(new URL('https://mail.google.com/mail/#inbox'))).toBe('u/0');
    expect(accountPathOf(new URL('https://mail.google.com/sync/u/1/i/fd?c=1'))).toBe('u/1');
    expect(accountPathOf(new URL('https://mail.google.com/mail/b/abc/u/0/'))).toBe('b/abc/u/0');
    expect(accountPathOf(new URL('https://mail.google.com/chat/u/0/'))).toBeUndefined();
  });
});
