import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { type RowMessage, readRowMessages, showsReplyOutsideInbox } from '@/lib/sites/gmail/row-inference';
import { extractThreadList } from '@/lib/sites/gmail/thread-rows';
import { chooseOffset, voteOffsets } from '@/lib/sites/gmail/title-offset';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { readGmailView } from '@/lib/sites/gmail/view';
import { parseHtml } from './fixtures';

// The real consumer inbox of April 2025 (fixtures SOURCES §dom-2025) holds real
// people's mail: it is read here and nowhere else, and this file names no one.
// The expectations below were written from the page's markup, row by row: a
// sender or recipient is named by its place in the row's participant list
// (`p0`, `p1`, as the row's `div.yW span[email]` gives them) or `me` (the
// account the page's title names); a time is the row's id time (`id`) or the
// UTC minute its date title names at the page's UTC−4.

const PAGE = path.resolve(
  import.meta.dirname,
  '../../../../..',
  'shared/fixtures/gmail/dom-2025/gmail-2025-04-consumer-inbox.html',
);
const URL_OF_PAGE = 'https://mail.google.com/mail/u/1/#inbox';
const NOW = Date.UTC(2025, 3, 9);

type Evidence = NonNullable<RowMessage['sender']>['evidence'];
/** `from>to evidence`, and for a row whose user wrote last, the message its date names: `from>to minute`. */
type Expected = null | { newest: `${string}>${string} ${Evidence}`; shown?: `${string}>${string} ${string}` };

const one = { newest: 'p0>me one-message-row' } as const;
const newestFrom = (p: 'p0' | 'p1'): Expected => ({ newest: `${p}>me newest-in-inbox-row` });
const replied = (p: 'p0' | 'p1', shownMinute: string): Expected => ({
  newest: `me>${p} reply-after-shown-date`,
  shown: `${p}>me ${shownMinute}`,
});
const UNKNOWN = null;

/** Row by row, in the page's order. `UNKNOWN`: two counterparts, or the user alone. */
const EXPECTED: Expected[] = [
  /* 1 */ replied('p0', '2025-04-08T11:44'),
  /* 2 */ one,
  /* 3 */ one,
  /* 4 */ replied('p0', '2025-04-07T20:14'),
  /* 5 */ one,
  /* 6 the user wrote last, to one of two counterparts */ UNKNOWN,
  /* 7 */ newestFrom('p0'),
  /* 8 */ one,
  /* 9 */ one,
  /* 10 two counterparts */ UNKNOWN,
  /* 11 */ newestFrom('p0'),
  /* 12 */ newestFrom('p1'),
  /* 13 */ one,
  /* 14 */ newestFrom('p0'),
  /* 15 */ replied('p0', '2025-03-28T23:45'),
  /* 16 */ newestFrom('p1'),
  /* 17 */ newestFrom('p0'),
  /* 18 the reply came 46 min after, 45 min is no zone here */ replied('p1', '2025-03-27T13:36'),
  /* 19 */ replied('p0', '2025-03-26T21:26'),
  /* 20 a note to self */ UNKNOWN,
  /* 21 */ one,
  /* 22 */ one,
  /* 23 */ newestFrom('p0'),
  /* 24 */ one,
  /* 25 */ one,
  /* 26 */ one,
  /* 27 */ one,
  /* 28 two counterparts */ UNKNOWN,
  /* 29 the user alone, three messages */ UNKNOWN,
  /* 30 */ one,
  /* 31 the user's own reply to an invitation, in the inbox */ UNKNOWN,
  /* 32 */ one,
  /* 33 two counterparts */ UNKNOWN,
  /* 34 */ one,
  /* 35 */ one,
  /* 36 two counterparts, no reply of the user */ UNKNOWN,
  /* 37 */ one,
  /* 38 two messages, one sender */ { newest: 'p0>me single-sender-row' },
  /* 39 */ one,
  /* 40 */ newestFrom('p1'),
  /* 41 */ one,
  /* 42 a note to self */ UNKNOWN,
  /* 43 a note to self */ UNKNOWN,
  /* 44 */ one,
  /* 45 a winter row, titled at UTC−4 all the same */ replied('p0', '2025-02-20T00:52'),
  /* 46 two counterparts */ UNKNOWN,
  /* 47 */ replied('p0', '2025-02-11T04:53'),
  /* 48 */ one,
  /* 49 the reply came 4 min 40 s after */ replied('p0', '2025-02-06T01:45'),
  /* 50 */ replied('p1', '2025-02-05T01:31'),
];

function load(): Document {
  // A skipped suite still runs its body to list its tests: without the page, it reads an empty one.
  if (!existsSync(PAGE)) return parseHtml('<html><head><title></title></head><body></body></html>', URL_OF_PAGE);
  // The page's own scripts try to load Gmail's code; they take no part in what is read.
  const html = readFileSync(PAGE, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return parseHtml(html, URL_OF_PAGE);
}

describe.skipIf(!existsSync(PAGE))('row inference on the real 2025 consumer inbox', () => {
  const document = load();
  const me = readGmailAccount(new URL(URL_OF_PAGE), document)?.address ?? '';
  const { threads } = extractThreadList(document, { myAddresses: [me], now: NOW });
  const readTitleWall = (title: string) => parseTitleTime(title, { timeZone: 'UTC', now: NOW, language: 'en' });
  const votes = voteOffsets(threads, readTitleWall);
  const view = readGmailView(new URL(URL_OF_PAGE));

  it('learns the titles’ UTC−4 from the rows (38 of 50 agree, no row fits another zone) and that replies leave the inbox', () => {
    expect(me).toMatch(/@gmail\.com$/);
    expect(threads).toHaveLength(50);
    expect(votes.majority).toBe(-240);
    expect([...votes.votes]).toEqual([[-240, 38]]);
    expect(chooseOffset(votes, undefined)).toEqual({ minutes: -240 });
    // The user's replies are outside the inbox: 12 rows are dated before their newest message.
    const context = { view, myAddresses: [me], titleOffset: chooseOffset(votes, undefined), readTitleWall };
    expect(threads.filter((thread) => showsReplyOutsideInbox(thread, context))).toHaveLength(12);
  });

  it('infers, row by row, the senders the rows make certain and leaves the rest unknown', () => {
    const named = (thread: (typeof threads)[number], who: string) =>
      who === 'me' ? me : (thread.participants[Number(who.slice(1))]?.email ?? `no ${who}`);
    const describeMessage = (message: RowMessage | undefined) =>
      message?.sender &&
      `${message.sender.from.email}>${message.sender.to.map((a) => a.email).join(',')} ${message.timeExact ? 'id' : new Date(message.at).toISOString().slice(0, 16)} ${message.sender.evidence}`;
    threads.forEach((thread, i) => {
      const reading = readRowMessages(thread, {
        view,
        myAddresses: [me],
        titleOffset: chooseOffset(votes, undefined),
        readTitleWall,
        repliesLeaveInbox: true,
      });
      const expected = EXPECTED[i];
      const [newest, shown] = reading.messages;
      const row = `row ${i + 1}`;
      // Every row's newest message is kept, with its id and exact time, known sender or not.
      expect(newest, row).toMatchObject({ id: thread.lastMessageId, at: thread.lastActivityAt, timeExact: true });
      expect(reading.bulk, row).toBeUndefined();
      if (!expected) {
        expect(
          reading.messages.map((m) => m.sender),
          row,
        ).toEqual([undefined]);
        return;
      }
      const [newestPair = '', newestEvidence] = expected.newest.split(' ');
      const [from = '', to = ''] = newestPair.split('>');
      expect(describeMessage(newest), row).toBe(`${named(thread, from)}>${named(thread, to)} id ${newestEvidence}`);
      if (!expected.shown) {
        expect(shown, row).toBeUndefined();
        return;
      }
      const [shownPair = '', minute] = expected.shown.split(' ');
      const [shownFrom = '', shownTo = ''] = shownPair.split('>');
      expect(describeMessage(shown), row).toBe(
        `${named(thread, shownFrom)}>${named(thread, shownTo)} ${minute} shown-date-row`,
      );
      expect(shown?.id, row).toBeUndefined();
    });
    const inferred = threads.filter((_, i) => EXPECTED[i] !== null).length;
    expect(inferred).toBe(39);
  });
});
