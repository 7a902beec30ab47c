import { describe, expect, it } from 'vitest';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import type { GmailDataReading } from '@/lib/sites/gmail/page-data/records';
import { extractThreadList } from '@/lib/sites/gmail/thread-rows';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { LEGACY_CONVERSATION } from '../../../../fixtures/gmail/page-data/legacy-conversation';
import { LEGACY_THREAD_LIST } from '../../../../fixtures/gmail/page-data/legacy-thread-list';
import { loadFixture } from '../fixtures';
import { gmailDataReadingSchema } from './reading-schema';
import { HAS_XHR, OLD_LIST_URL, OLD_THREAD_URL, readLegacyXhr } from './real-payloads';

function parsed(text: string | undefined, url = OLD_LIST_URL): GmailDataReading {
  const reading = parseGmailData(text ?? '', { url, accountPath: '/mail/u/0/' });
  expect(gmailDataReadingSchema.parse(reading)).toEqual(reading);
  return reading;
}

describe('our own older-API payloads', () => {
  it('read a thread list: ids, the newest message, the one the row shows with its sender', () => {
    const reading = parsed(LEGACY_THREAD_LIST);
    expect(reading.health).toEqual({ payloads: 1, recognised: 1, threads: 2, messages: 0, dropped: 0, refused: {} });
    expect(reading.threads[0]).toEqual({
      threadId: '1825563790540820899',
      legacyThreadId: '1955b498620051a3',
      subject: 'Spring campaign quote',
      labels: ['^all', '^i', '^smartlabel_personal', '^sq_ig_i_personal'],
      category: 'primary',
      lastActivityAt: 1741010530000,
      lastMessageId: '1825581857505292049',
      shownMessage: {
        messageId: '1825563790540820899',
        at: 1740993300000,
        from: { email: 'dana@northwind.example', name: 'Dana' },
      },
      messages: [],
    });
    expect(reading.threads[1]).toMatchObject({
      subject: "Last day: 30% off & free 'gift'",
      category: 'promotions',
      shownMessage: { from: { email: 'news@shop.example', name: 'Shop News' } },
    });
  });

  it('read a conversation: every message, recipients only where the message is expanded', () => {
    const reading = parsed(LEGACY_CONVERSATION, OLD_THREAD_URL);
    expect(reading.health).toMatchObject({ threads: 1, messages: 3, dropped: 0 });
    const thread = reading.threads[0];
    expect(thread).toMatchObject({ threadId: '1825772352307207236', subject: 'Invoice 2025-031', category: 'primary' });
    expect(thread?.messages.map((m) => [m.messageId, m.from.email, m.at, m.recipientsKnown])).toEqual([
      ['1825772352307207236', 'accounts@harbor.example', 1741192200000, true],
      ['1825833725460482839', 'olena@brightpath.example', 1741250730000, true],
      ['1825838727168003113', 'accounts@harbor.example', 1741255500000, false],
    ]);
    expect(thread?.messages[1]?.cc).toEqual([{ email: 'mark@brightpath.example', name: 'Brightpath, Mark' }]);
  });

  it('refuse a response cut short, in a chunk or after a length line', () => {
    for (const cut of [LEGACY_CONVERSATION.length - 10, LEGACY_CONVERSATION.indexOf('[["ms"') - 2]) {
      expect(parsed(LEGACY_CONVERSATION.slice(0, cut)).health.refused).toEqual({ truncated: 1 });
    }
    expect(parsed(")]}'\n\nhello").health.refused).toEqual({ 'not-gmail': 1 });
  });
});

// What each stored response holds: threads, messages, and what had to be dropped.
const EXPECTED: Record<string, { threads: number; messages: number; dropped: number }> = {
  'inboxsdk/injected-thread-identifier-ajax.txt': { threads: 35, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/extract-message-response.txt': { threads: 1, messages: 24, dropped: 0 },
  'inboxsdk/gmail-response-processor/extract-message-response-2.txt': { threads: 5, messages: 29, dropped: 0 },
  'inboxsdk/gmail-response-processor/extract-message-response-3.txt': { threads: 1, messages: 18, dropped: 0 },
  'inboxsdk/gmail-response-processor/extract-message-response-4.txt': { threads: 1, messages: 5, dropped: 0 },
  'inboxsdk/gmail-response-processor/batch-thread-response.json': { threads: 1, messages: 1, dropped: 0 },
  'inboxsdk/gmail-response-processor/message-id-search-response.json': { threads: 1, messages: 1, dropped: 0 },
  // A draft reply that no conversation lists: it cannot be filed under a thread.
  'inboxsdk/gmail-response-processor/draft-reply-response.json': { threads: 1, messages: 1, dropped: 1 },
  'inboxsdk/gmail-response-processor/draft-response.json': { threads: 1, messages: 0, dropped: 1 },
  'inboxsdk/gmail-response-processor/search-response.json': { threads: 55, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-archive.json': { threads: 31, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-archive2.json': { threads: 38, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-small.json': { threads: 2, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-empty-last-part.json': { threads: 2, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-empty.json': { threads: 0, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-new.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-start-0.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-start-50.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-total-1.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-total-50.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/search-response-total-many.json': { threads: 1, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/thread-list-response-with-nulls.json': { threads: 2, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/send-response.json': { threads: 13, messages: 0, dropped: 0 },
  // Responses to sending and to a signed-out session: Gmail's, with no thread in them.
  'inboxsdk/gmail-response-processor/sent-response.txt': { threads: 0, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/sent-response2.txt': { threads: 0, messages: 0, dropped: 0 },
  'inboxsdk/gmail-response-processor/one-chunk-message.json': { threads: 0, messages: 0, dropped: 0 },
};

describe.skipIf(!HAS_XHR)('the real older-API payloads (InboxSDK captures, 2014–2025)', () => {
  it.each(Object.entries(EXPECTED))('%s', (name, counts) => {
    const reading = parsed(readLegacyXhr(name));
    expect(reading.health).toMatchObject({ payloads: 1, recognised: 1, refused: {}, ...counts });
  });

  it('2014 inbox list: ids, the shown message’s id time and sender; the user’s own rows name no sender', () => {
    const reading = parsed(readLegacyXhr('inboxsdk/injected-thread-identifier-ajax.txt'));
    expect(reading.threads[0]).toMatchObject({
      threadId: '1487861088777072316',
      subject: 'aaa',
      lastActivityAt: 1418934906746,
      lastMessageId: '1487861088777072316',
      shownMessage: { messageId: '1487861088777072316', at: 1418934906746 },
    });
    expect(reading.threads[0]?.shownMessage?.from).toBeUndefined();
    const twilio = reading.threads.find((t) => t.legacyThreadId === '14a3481b07c29fcf');
    expect(twilio?.shownMessage).toEqual({
      messageId: '1487111582893907919',
      at: 1418220122236,
      from: { email: 'news@twilio.com', name: 'Team Twilio' },
    });
    // A thread whose newest message (the user's reply) is not the one the inbox row shows.
    const replied = reading.threads.find((t) => t.legacyThreadId === '1471d5ee21afc5fc');
    expect(replied?.lastMessageId).not.toBe(replied?.shownMessage?.messageId);
    expect(replied?.shownMessage?.from?.email).toBe('mail-noreply@google.com');
  });

  it('2018 conversation: 24 messages in order, senders, exact times, recipients of the expanded one', () => {
    const reading = parsed(readLegacyXhr('inboxsdk/gmail-response-processor/extract-message-response.txt'));
    const thread = reading.threads[0];
    expect(thread).toMatchObject({
      threadId: '1589397998138336889',
      subject: '[sheets-importer-feedback] Any way to import email filters ?',
    });
    expect(thread?.messages[0]).toMatchObject({
      messageId: '1589397998138336889',
      from: { email: 'damien@nimley.com', name: 'Damien Brenelière' },
      to: [{ email: 'sheets-importer-feedback@streak.com', name: '' }],
      at: 1515768015000,
      recipientsKnown: true,
    });
    expect(thread?.messages[1]).toMatchObject({ from: { email: 'aleem@streak.com' }, at: 1515788911000 });
    expect(thread?.messages[1]?.recipientsKnown).toBe(false);
  });

  it('2025 conversation: the format still served, with to and cc', () => {
    const reading = parsed(readLegacyXhr('inboxsdk/gmail-response-processor/extract-message-response-4.txt'));
    const thread = reading.threads[0];
    expect(thread).toMatchObject({ threadId: '1849256905025969212', category: 'forums' });
    expect(thread?.messages[2]).toMatchObject({
      messageId: '1849341745670371013',
      from: { email: 'jasen@streak.com', name: 'Jasen Kim' },
      to: [{ email: 'blake@streak.com', name: 'Blake Kadatz' }],
      cc: [{ email: 'eng@streak.com', name: 'eng' }],
      at: 1763669704000,
    });
  });
});

const domList = loadFixture('real-2014-list');

describe.skipIf(!HAS_XHR || !domList)('the 2014 inbox, read from its DOM and from its thread-list response', () => {
  it('every row the DOM shows is in the data, with the same sender and the same time to the minute', () => {
    const now = Date.UTC(2015, 0, 1);
    const { threads: rows } = extractThreadList(domList as Document, {
      myAddresses: ['streak.web.test.1@gmail.com'],
      now,
      parseTitleTime: (title: string) => parseTitleTime(title, { timeZone: 'America/Los_Angeles', now }),
    });
    const data = parsed(readLegacyXhr('inboxsdk/injected-thread-identifier-ajax.txt')).threads;
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      // The DOM of 2014 carries no ids: a row is its subject and its shown time (a title, to the minute).
      const match = data.find(
        (t) =>
          t.subject === row.subject &&
          t.shownMessage &&
          Math.abs(t.shownMessage.at - (row.lastActivityAt ?? 0)) < 60_000,
      );
      expect(match, row.subject).toBeDefined();
      const from = match?.shownMessage?.from;
      if (from) expect(row.participants.map((p) => p.email)).toContain(from.email);
      else expect(row.participants.some((p) => p.isMe)).toBe(true);
    }
  });
});
