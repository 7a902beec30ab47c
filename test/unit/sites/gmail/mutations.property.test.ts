import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { conversationSchema, healthSchema, threadRowSchema } from '@/lib/sites/gmail/schemas';
import { extractThreadList } from '@/lib/sites/gmail/thread-rows';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { domMutation, mutate } from '../dom-mutations';
import { DEMO_ME, DEMO_NOW, loadFixture, parseHtml } from './fixtures';

// Gmail changes its markup without notice. Whatever is removed, renamed or
// moved, the extractors must not throw, must not emit an invalid record, and
// must say so in their health report.

const ATTRIBUTES = [
  'email',
  'name',
  'title',
  'data-thread-id',
  'data-legacy-thread-id',
  'data-legacy-last-message-id',
  'data-message-id',
  'data-legacy-message-id',
  'data-thread-perm-id',
  'class',
  'gh',
  'role',
];
const VALUES = [
  '',
  'undefined',
  '#thread-f:undefined',
  'thread-a:',
  'msg-a:r1|msg-f:2',
  '<b>x</b>',
  'a@b',
  '"quoted"@example.com',
  'a..b@x.com',
  'пётр@почта.рф',
  'user@[127.0.0.1]',
  'ffffffffffffffffffff',
  '99999999999999999999999',
  '\u202e',
];

const mutation = domMutation(ATTRIBUTES, VALUES);

const ctx = {
  myAddresses: [DEMO_ME],
  now: DEMO_NOW,
  parseTitleTime: (title: string) => parseTitleTime(title, { timeZone: 'Europe/Kyiv', now: DEMO_NOW }),
};

describe.each(['real-2014-list', 'current-inbox', 'current-inbox-ru', 'demo-inbox-vertical'])(
  'mutated %s list',
  (fixture) => {
    const original = loadFixture(fixture);
    it.skipIf(!original)(
      'never throws and never emits an invalid record',
      () => {
        const html = (original as Document).documentElement.outerHTML;
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 25 }), (mutations) => {
            const doc = parseHtml(html);
            mutate(doc, mutations);
            const { threads, health } = extractThreadList(doc, ctx);
            for (const thread of threads) expect(threadRowSchema.safeParse(thread).success).toBe(true);
            expect(healthSchema.safeParse(health).success).toBe(true);
            expect(health.parsed).toBeLessThanOrEqual(health.seen);
          }),
          { numRuns: 40 },
        );
      },
      60_000,
    );
  },
);

describe.each(['current-conversation', 'demo-conversation'])('mutated %s', (fixture) => {
  const original = loadFixture(fixture) as Document;
  it('never throws and never emits an invalid record', () => {
    const html = original.documentElement.outerHTML;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 25 }), (mutations) => {
        const doc = parseHtml(html);
        mutate(doc, mutations);
        const { conversation, health } = extractConversation(doc, ctx);
        if (conversation) expect(conversationSchema.safeParse(conversation).success).toBe(true);
        expect(healthSchema.safeParse(health).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

// Each breakage removes one kind of information from every row, as a Gmail
// redesign would; the field it feeds must be counted as failed on every row.
const BREAKAGES: Record<string, { attributes: string[]; field: string }> = {
  ids: { attributes: ['data-thread-id', 'data-legacy-thread-id'], field: 'threadId' },
  addresses: { attributes: ['email'], field: 'participants' },
  times: {
    attributes: ['title', 'data-legacy-last-message-id', 'data-legacy-last-non-draft-message-id'],
    field: 'time',
  },
};

describe('health degrades honestly', () => {
  const html = (loadFixture('current-inbox-vertical') as Document).documentElement.outerHTML;
  it('counts every row that lost a field, and stops calling the page healthy', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(BREAKAGES), { minLength: 1 }), (broken) => {
        const doc = parseHtml(html);
        for (const name of broken) {
          for (const attribute of BREAKAGES[name]?.attributes ?? []) {
            for (const element of doc.querySelectorAll(`[${attribute}]`)) element.removeAttribute(attribute);
          }
        }
        const { threads, health } = extractThreadList(doc, ctx);
        expect(health.seen).toBe(4);
        expect(health.parsed).toBe(0);
        expect(health.healthy).toBe(false);
        for (const name of broken) expect(health.failures[BREAKAGES[name]?.field ?? '']).toBe(4);
        for (const thread of threads) expect(threadRowSchema.safeParse(thread).success).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('reports the missing thread list when Gmail renames its hook', () => {
    const doc = parseHtml(html);
    for (const element of doc.querySelectorAll('[gh]')) element.removeAttribute('gh');
    expect(extractThreadList(doc, ctx).health).toMatchObject({ seen: 0, healthy: false, missing: ['threadList'] });
  });
});
