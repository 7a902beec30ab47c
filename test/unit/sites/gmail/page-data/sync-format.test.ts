import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import type { GmailDataReading } from '@/lib/sites/gmail/page-data/records';
import { EMBEDDED_SET_DATA } from '../../../../fixtures/gmail/page-data/embedded-set-data';
import { SYNC_BV_LIST } from '../../../../fixtures/gmail/page-data/sync-bv-list';
import { SYNC_FD_THREAD } from '../../../../fixtures/gmail/page-data/sync-fd-thread';
import { gmailDataReadingSchema } from './reading-schema';
import { asSetData, HAS_XHR, LIST_URL, PAGE_URL, readXhr, THREAD_URL } from './real-payloads';

const SOURCE = { accountPath: '/mail/u/0/' };

function parsed(text: string | undefined, url: string): GmailDataReading {
  const reading = parseGmailData(text ?? '', { url, ...SOURCE });
  expect(gmailDataReadingSchema.parse(reading)).toEqual(reading);
  return reading;
}

const summary = (reading: GmailDataReading) =>
  reading.threads.map((t) => ({
    threadId: t.threadId,
    category: t.category,
    messages: t.messages.map((m) => [m.messageId, m.from.email, m.at, m.draft]),
  }));

describe('our own sync payloads', () => {
  it('read a bv thread list: ids from msg-f and from hex legacy ids, no invented sender', () => {
    const reading = parsed(SYNC_BV_LIST, LIST_URL);
    expect(reading.health).toEqual({
      payloads: 1,
      recognised: 1,
      threads: 3,
      messages: 4,
      dropped: 1,
      refused: {},
      droppedBy: { 'message-id': 1 },
    });
    expect(summary(reading)).toEqual([
      {
        threadId: '1825563790540820899',
        category: 'primary',
        messages: [
          ['1825563790540820899', 'dana@northwind.example', 1740993300000, false],
          ['1825581857505292049', 'olena@brightpath.example', 1741010530000, false],
        ],
      },
      {
        threadId: '1825645894041631234',
        category: 'promotions',
        messages: [['1825645894041631234', 'news@shop.example', 1741071600000, false]],
      },
      {
        threadId: '1825772352307207236',
        category: 'primary',
        messages: [['1825772352307207236', 'accounts@harbor.example', 1741192200000, false]],
      },
    ]);
    const first = reading.threads[0];
    expect(first?.legacyThreadId).toBe('1955b498620051a3');
    expect(first?.subject).toBe('Spring campaign quote');
    expect(first?.lastActivityAt).toBe(1741010530000);
    expect(first?.messages[0]).toMatchObject({ to: [], cc: [], recipientsKnown: false });
  });

  it('read an fd thread in the array form, recipients from the message details', () => {
    const reading = parsed(SYNC_FD_THREAD, THREAD_URL);
    expect(reading.health).toMatchObject({ threads: 1, messages: 3, dropped: 0 });
    const thread = reading.threads[0];
    expect(thread).toMatchObject({ threadId: '1825772352307207236', subject: 'Invoice 2025-031' });
    expect(thread?.messages[1]).toEqual({
      messageId: '1825833725460482839',
      from: { email: 'olena@brightpath.example', name: 'Olena Koval' },
      to: [{ email: 'accounts@harbor.example', name: 'Harbor Accounts' }],
      cc: [{ email: 'mark@brightpath.example', name: 'Mark' }],
      at: 1741250730000,
      snippet: 'Thank you, paid today.',
      draft: false,
      recipientsKnown: true,
    });
  });

  it('read first-load data from a _GM_setData script', () => {
    const reading = parsed(EMBEDDED_SET_DATA, PAGE_URL);
    expect(reading.health).toMatchObject({ recognised: 1, threads: 1, messages: 1, dropped: 0 });
    expect(reading.threads[0]?.messages[0]).toMatchObject({
      messageId: '1825563790540820899',
      from: { email: 'dana@northwind.example', name: 'Dana Reyes' },
      to: [{ email: 'olena@brightpath.example', name: 'Olena Koval' }],
      cc: [{ email: 'ops@northwind.example', name: '' }],
      at: 1740993300000,
    });
  });

  it('take a _GM_setData call without thread data as Gmail’s, with nothing in it', () => {
    const script = '_GM_setData({"zeJhX":true,"w43KIf":["sdpc","t","1a2b3c4d5e","https://mail.google.com","/u/0"]});';
    expect(parsed(script, PAGE_URL).health).toMatchObject({ recognised: 1, threads: 0, refused: {} });
  });

  it('refuse first-load data that names another account than the tab’s', () => {
    const other = EMBEDDED_SET_DATA.replace('"/u/0"', '"/u/1"');
    expect(other).not.toBe(EMBEDDED_SET_DATA);
    expect(parsed(other, PAGE_URL).health.refused).toEqual({ 'other-account': 1 });
    expect(parsed(other, 'https://mail.google.com/mail/u/1/#inbox').health.refused).toEqual({ 'other-account': 1 });
    expect(
      parseGmailData(other, { url: 'https://mail.google.com/mail/u/1/#inbox', accountPath: '/mail/u/1/' }).health,
    ).toMatchObject({ recognised: 1, threads: 1 });
  });

  it('take an empty sync list as Gmail’s, and the same text elsewhere as not', () => {
    expect(parsed('{"1":0,"2":[]}', LIST_URL).health).toMatchObject({ recognised: 1, threads: 0 });
    expect(parsed('{"1":0,"2":[]}', PAGE_URL).health.refused).toEqual({ 'not-gmail': 1 });
  });
});

describe.skipIf(!HAS_XHR)('the real sync payloads (gmail.js and InboxSDK captures, 2018–2022)', () => {
  it('bv response (2020): both threads, the sent message named by its hex legacy id', () => {
    const reading = parsed(readXhr('gmail.js/testdata-parser-bv-request-payload.json'), LIST_URL);
    expect(reading.health).toMatchObject({ threads: 2, messages: 5, dropped: 0 });
    const [first] = summary(reading);
    expect(first).toEqual({
      threadId: '1665118153525484114',
      category: 'primary',
      messages: [
        ['1665118248623281966', 'elonm@gmail.com', 1587980506989, false],
        ['1665118316230599953', 'eric@gmail.com', 1587980572051, false],
      ],
    });
    expect(reading.threads[0]?.legacyThreadId).toBe('171bb02371f0da52');
  });

  it('a6jdv embedded list (2020): the same threads as the bv response', () => {
    const text = readXhr('gmail.js/testdata-parser-bv-embedded.json') ?? '';
    const embedded = parsed(asSetData('a6jdv', text), PAGE_URL);
    const request = parsed(readXhr('gmail.js/testdata-parser-bv-request-payload.json'), LIST_URL);
    expect(embedded.health).toMatchObject({ threads: 2, messages: 5, dropped: 0 });
    expect(summary(embedded).map((t) => t.threadId)).toEqual(summary(request).map((t) => t.threadId));
    expect(embedded.threads[1]?.subject).toBe('Ubuntu 20.04 Download Link & New Features (Updated)');
  });

  it('Cl6csf embedded threads (2022, array form): five one-message threads with recipients', () => {
    const reading = parsed(asSetData('Cl6csf', readXhr('gmail.js/testdata-parser-fd-embedded.json') ?? ''), PAGE_URL);
    expect(reading.health).toMatchObject({ threads: 5, messages: 5, dropped: 0 });
    expect(reading.threads[0]).toMatchObject({ threadId: '1743836977043622489', subject: 'Test email 4' });
    expect(reading.threads[0]?.messages[0]).toMatchObject({
      messageId: '1743836977043622489',
      from: { email: 'jostein@secure.kjonigsen.net', name: 'Jostein Kjønigsen' },
      to: [{ email: 'jostein@gmail.com', name: 'Jostein Kjønigsen' }],
      at: 1663052536832,
      recipientsKnown: true,
    });
  });

  it('fd response (2021): one thread sent twice, merged; the draft marked as one', () => {
    const reading = parsed(readXhr('gmail.js/testdata-parser-fd-request.json'), THREAD_URL);
    expect(reading.health).toMatchObject({ threads: 1, messages: 2, dropped: 0 });
    expect(summary(reading)).toEqual([
      {
        threadId: '1712450895050428581',
        category: 'primary',
        messages: [
          ['1712450895050428581', 'user@gmail.com', 1633120436716, true],
          ['1712451110589715069', 'user@gmail.com', 1633120642270, false],
        ],
      },
    ]);
  });

  it('fd responses (2018): senders, recipients, cc and Gmail’s category', () => {
    const notice = parsed(readXhr('inboxsdk/gmail-sync-response-processor/fd-response-20180709.json'), THREAD_URL);
    expect(notice.threads[0]).toMatchObject({ threadId: '1600484990382419037', category: 'updates' });
    expect(notice.threads[0]?.messages[0]).toMatchObject({
      from: { email: 'notifications@streak.com', name: 'Streak' },
      to: [{ email: 'cowan@streak.com', name: '' }],
      at: 1526341429121,
    });
    const billing = parsed(
      readXhr('inboxsdk/gmail-sync-response-processor/thread-response-2018-03-08.json'),
      THREAD_URL,
    );
    expect(billing.threads[0]?.messages[0]?.to.map((a) => a.email)).toEqual([
      'billingchanges@streak.com',
      'sales@streak.com',
    ]);
    const team = parsed(readXhr('inboxsdk/gmail-sync-response-processor/thread-response-2018-03-14.json'), THREAD_URL);
    expect(team.health).toMatchObject({ threads: 1, messages: 4, dropped: 0 });
    expect(team.threads[0]?.category).toBe('forums');
    expect(team.threads[0]?.messages[1]).toMatchObject({
      messageId: '1594508744604132981',
      from: { email: 'michael@streak.com', name: 'Mike Nguyen' },
      to: [{ email: 'sara@streak.com' }],
      cc: [{ email: 'eng@streak.com' }],
      at: 1520642037014,
    });
  });

  it('search responses (2018): the user’s own messages without any numeric id are dropped and counted', () => {
    const search = parsed(
      readXhr('inboxsdk/gmail-sync-response-processor/input-triggered-search-response-2018-01-25.json'),
      LIST_URL,
    );
    expect(search.health).toMatchObject({ threads: 12, messages: 10, dropped: 7, droppedBy: { 'message-id': 7 } });
    expect(search.threads[1]?.messages[0]).toMatchObject({
      messageId: '1589972623702690341',
      from: { email: 'no-reply@accounts.google.com', name: 'Google' },
      at: 1516316054714,
    });
    for (const name of [
      'sdk-triggered-search-response-2018-01-25.json',
      'replaced-threads-response-example-data-2018-01-25.json',
    ]) {
      const reading = parsed(readXhr(`inboxsdk/gmail-sync-response-processor/${name}`), LIST_URL);
      expect(summary(reading)).toEqual([
        {
          threadId: '1590533107145425147',
          category: undefined,
          messages: [['1590533107145425147', 'inboxsdktestdataonly@gmail.com', 1516850573718, false]],
        },
      ]);
    }
  });

  it('the mla account list is not thread data: refused as not Gmail’s thread data', () => {
    const text = readXhr('gmail.js/testdata-parser-mla.json');
    expect(parsed(text, LIST_URL).health.refused).toEqual({ 'not-gmail': 1 });
    expect(parsed(text, PAGE_URL).health.refused).toEqual({ 'not-gmail': 1 });
  });
});

const DOM_2025 = path.resolve(import.meta.dirname, '../../../../../..', 'shared', 'fixtures', 'gmail', 'dom-2025');

describe.skipIf(!existsSync(DOM_2025))('the real 2025 pages', () => {
  it.each([
    ['gmail-2025-04-consumer-inbox.html', 'https://mail.google.com/mail/u/1/#inbox', '/mail/u/1/'],
    ['gmail-2025-04-workspace-conversation.html', 'https://mail.google.com/mail/u/0/#inbox', '/mail/u/0/'],
  ])(
    '%s: its inline _GM_setData carries no threads (they come by request), and names the tab’s account',
    (name, url, accountPath) => {
      const html = readFileSync(path.join(DOM_2025, name), 'utf8');
      expect(html).toContain('_GM_setData({');
      const reading = parseGmailData(html, { url, accountPath });
      expect(reading.health).toEqual({ payloads: 1, recognised: 1, threads: 0, messages: 0, dropped: 0, refused: {} });
      const elsewhere = accountPath === '/mail/u/1/' ? '/mail/u/0/' : '/mail/u/1/';
      const url2 = url.replace(accountPath, elsewhere);
      expect(parseGmailData(html, { url: url2, accountPath: elsewhere }).health.refused).toEqual({
        'other-account': 1,
      });
    },
  );
});
