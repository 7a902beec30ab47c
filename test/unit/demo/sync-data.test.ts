import { describe, expect, it } from 'vitest';
import { field } from '@/lib/sites/gmail/page-data/fields';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import { embeddedListScript, listResponse, threadsOfRequest, threadsResponse } from '../../demo/gmail/sync-data';
import { generateMailbox } from '../../demo/mailbox/generate';
import { HAS_XHR, readXhr } from '../sites/gmail/page-data/real-payloads';

// The demo serves Gmail's own thread data so that Keepwarm learns from the
// inbox before any thread is opened, as on real Gmail. What it serves must
// read back to the demo mailbox through the same parser the extension uses,
// and carry the same fields, by number, as the real payloads do.

const NOW = Date.UTC(2026, 10, 20, 12);
const mailbox = generateMailbox({ seed: 7, now: NOW });
const account = mailbox.accounts[0];
if (!account) throw new Error('the demo mailbox has an account');
const LIST_URL = 'https://mail.google.com/sync/u/0/i/bv?hl=en&c=1&rt=r&pt=ji';
const THREAD_URL = 'https://mail.google.com/sync/u/0/i/fd?hl=en&c=2&rt=r&pt=ji';
const SOURCE = { accountPath: '/mail/u/0/' };

describe("the demo's sync data", () => {
  it('reads back, thread by thread, to the inbox the demo shows: every message with its sender and time', () => {
    const request = { view: 'inbox', page: 1 };
    const reading = parseGmailData(JSON.stringify(listResponse(account, request)), { url: LIST_URL, ...SOURCE });
    const shown = threadsOfRequest(account, request);
    expect(reading.health).toMatchObject({ recognised: 1, dropped: 0, refused: {} });
    expect(reading.threads.map((t) => t.threadId)).toEqual(shown.map((t) => t.id));
    for (const [i, thread] of shown.entries()) {
      const read = reading.threads[i];
      expect(read?.subject).toBe(thread.subject);
      expect(read?.messages.map((m) => [m.messageId, m.from.email, m.at])).toEqual(
        thread.messages.map((m) => [m.id, m.from.email, m.at]),
      );
      // A list names no recipients, as Gmail's own lists do.
      expect(read?.messages.every((m) => m.to.length === 0)).toBe(true);
      expect(read?.category).toBe(thread.category ?? 'primary');
    }
  });

  it("files a category tab's threads under that category", () => {
    const request = { view: 'category', param: 'promotions', page: 1 };
    const reading = parseGmailData(JSON.stringify(listResponse(account, request)), { url: LIST_URL, ...SOURCE });
    expect(reading.threads.length).toBeGreaterThan(0);
    expect(new Set(reading.threads.map((t) => t.category))).toEqual(new Set(['promotions']));
  });

  it('gives an opened thread its recipients', () => {
    const thread = account.threads.find((t) => t.messages.some((m) => m.cc.length > 0)) ?? account.threads[0];
    if (!thread) throw new Error('the demo account has threads');
    const reading = parseGmailData(JSON.stringify(threadsResponse(account, [thread.id, '1'])), {
      url: THREAD_URL,
      ...SOURCE,
    });
    expect(reading.threads).toHaveLength(1);
    expect(
      reading.threads[0]?.messages.map((m) => [m.messageId, m.to.map((a) => a.email), m.cc.map((a) => a.email)]),
    ).toEqual(thread.messages.map((m) => [m.id, m.to.map((p) => p.email), m.cc.map((p) => p.email)]));
  });

  it('embeds the first view in a _GM_setData call that reads back to the same threads', () => {
    const request = { view: 'inbox', page: 1 };
    const script = embeddedListScript(account, request);
    expect(script).toMatch(/^_GM_setData\(\{"a6jdv":\[\[null,null,"/);
    expect(script).not.toContain('<');
    const reading = parseGmailData(script, { url: 'https://mail.google.com/mail/u/0/#inbox', ...SOURCE });
    expect(reading.threads.map((t) => t.threadId)).toEqual(threadsOfRequest(account, request).map((t) => t.id));
  });

  it('is refused for another account, as any payload is', () => {
    const text = JSON.stringify(listResponse(account, { view: 'inbox', page: 1 }));
    const reading = parseGmailData(text, { url: LIST_URL, accountPath: '/mail/u/1/' });
    expect(reading.threads).toEqual([]);
    expect(reading.health.refused).toEqual({ 'other-account': 1 });
  });
});

/** The field numbers set in a payload node, in either encoding. */
function numbers(node: unknown): number[] {
  if (Array.isArray(node)) return node.flatMap((value, i) => (value === null ? [] : [i + 1]));
  if (node !== null && typeof node === 'object') return Object.keys(node).map(Number);
  return [];
}

describe.skipIf(!HAS_XHR)('field for field with the real payloads', () => {
  it('a list thread and its messages use only fields the real bv list has', () => {
    const real = JSON.parse(readXhr('gmail.js/testdata-parser-bv-request-payload.json') ?? '{}');
    const realDescriptors = (field(real, 3) as unknown[]).map((w) => field(w, 1));
    const realDescriptorFields = new Set(realDescriptors.flatMap(numbers));
    const realMessageFields = new Set(
      realDescriptors.flatMap((d) => (field(d, 5) as unknown[]).flatMap((m) => numbers(m))),
    );
    const ours = listResponse(account, { view: 'inbox', page: 1 });
    const descriptor = field((field(ours, 3) as unknown[])[0], 1);
    for (const n of numbers(descriptor)) expect(realDescriptorFields, `descriptor field ${n}`).toContain(n);
    for (const m of field(descriptor, 5) as unknown[]) {
      for (const n of numbers(m)) expect(realMessageFields, `message field ${n}`).toContain(n);
      expect(field(field(m, 2), 1)).toBe(1);
    }
  });

  it('a thread response uses only fields the real fd response has', () => {
    const real = JSON.parse(readXhr('gmail.js/testdata-parser-fd-request.json') ?? '{}');
    const realThreads = field(real, 2) as unknown[];
    const realSummaryFields = new Set(realThreads.flatMap((t) => numbers(field(field(t, 2), 1))));
    const realMessageFields = new Set(
      realThreads.flatMap((t) => (field(field(t, 2), 2) as unknown[]).flatMap((m) => numbers(m))),
    );
    const thread = account.threads[0];
    if (!thread) throw new Error('the demo account has threads');
    const ours = (field(threadsResponse(account, [thread.id]), 2) as unknown[])[0];
    for (const n of numbers(field(field(ours, 2), 1))) expect(realSummaryFields, `summary field ${n}`).toContain(n);
    for (const m of field(field(ours, 2), 2) as unknown[]) {
      for (const n of numbers(m)) expect(realMessageFields, `message field ${n}`).toContain(n);
    }
  });
});
