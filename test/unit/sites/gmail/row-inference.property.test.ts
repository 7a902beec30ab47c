import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import { readRowMessages } from '@/lib/sites/gmail/row-inference';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { readGmailView } from '@/lib/sites/gmail/view';

// Threads made up here, shown as Gmail's list shows them (fixtures SOURCES
// §dom-2025): people named once each in any order, the newest message's id
// time, and a title with the minute of the newest message the view holds, in
// the Gmail zone. In the inbox that is the newest message of someone else: the
// user's own mail is not in the inbox (mail the user copies to themselves is
// the one case the inbox rule takes on trust, and is not made up here). Two
// messages within one minute cannot be told apart by a title, so the messages
// here are more than a minute apart.

const MINUTE = 60_000;
const ME = 'olena@brightpath.studio';
const ALIAS = 'hello@brightpath.studio';
const MINE = [ME, ALIAS];
const PEOPLE = [ME, ALIAS, 'dana@acme.com', 'raj@globex.io', 'li@initech.cn'];
const NOW = Date.UTC(2026, 10, 20, 12);

const titleFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const readTitleWall = (text: string) => parseTitleTime(text, { timeZone: 'UTC', now: NOW, language: 'en' });
const idOf = (at: number) => ((BigInt(at) << 20n) | 3n).toString(10);

const thread = fc.record({
  offset: fc.constantFrom(-300, -240, 0, 60, 330, 345),
  start: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 0, 1) }),
  messages: fc.array(
    fc.record({ sender: fc.constantFrom(...PEOPLE), gap: fc.integer({ min: MINUTE + 1000, max: 4 * 86_400_000 }) }),
    { minLength: 1, maxLength: 8 },
  ),
  order: fc.array(fc.integer(), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  pageSaysMe: fc.array(fc.boolean(), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  hash: fc.constantFrom(
    '#inbox',
    '#category/social',
    '#label/Clients',
    '#all',
    '#starred',
    '#sent',
    '#drafts',
    '#search/x',
  ),
  offsetKnown: fc.boolean(),
});

describe('row inference, on made-up threads', () => {
  it('never names a sender the row does not list, nor gives the user’s message to a counterpart', () => {
    fc.assert(
      fc.property(thread, ({ offset, start, messages, order, pageSaysMe, hash, offsetKnown }) => {
        let at = start;
        const sent = messages.map(({ sender, gap }) => {
          at += gap;
          return { sender, at };
        });
        const newest = sent[sent.length - 1];
        const inInbox = sent.filter((m) => !MINE.includes(m.sender));
        const view = readGmailView(new URL(`https://mail.google.com/mail/u/0/${hash}`));
        const inboxLike = view.name === 'inbox' || view.name === 'category';
        const dated = inboxLike ? inInbox[inInbox.length - 1] : newest;
        // A thread with no message in the inbox is not listed there.
        fc.pre(newest !== undefined && dated !== undefined);
        if (!newest || !dated) return;
        const people = [...new Set(sent.map((m) => m.sender))].sort(
          (a, b) => (order[PEOPLE.indexOf(a)] ?? 0) - (order[PEOPLE.indexOf(b)] ?? 0),
        );
        const participants: Participant[] = people.map((email) => ({
          email,
          name: email.split('@')[0] ?? '',
          // The page's own "me" is not trusted: the account's addresses decide.
          isMe: pageSaysMe[PEOPLE.indexOf(email)] ?? false,
        }));
        const row: ThreadRowRecord = {
          threadId: idOf(start),
          lastMessageId: idOf(newest.at),
          lastActivityAt: newest.at,
          timeSource: 'id',
          dateTitle: titleFormat.format(new Date(dated.at + offset * MINUTE)),
          subject: 'Made up',
          snippet: '',
          participants,
          unread: false,
          messageCount: sent.length,
          hasDraft: false,
        };
        const reading = readRowMessages(row, {
          view,
          myAddresses: MINE,
          titleOffset: offsetKnown ? { minutes: offset } : undefined,
          readTitleWall,
          repliesLeaveInbox: true,
        });
        for (const message of reading.messages) {
          const { sender } = message;
          if (!sender) continue;
          expect(people).toContain(sender.from.email);
          const fromUser = MINE.includes(sender.from.email);
          // A message of the user goes to a listed counterpart; a counterpart's goes to the user.
          for (const to of sender.to)
            expect(fromUser ? people.includes(to.email) && !MINE.includes(to.email) : MINE.includes(to.email)).toBe(
              true,
            );
          // And it is a real message of the thread, by that sender, at that time (a title: within its minute).
          const real = sent.find((m) =>
            message.timeExact ? m.at === message.at : m.at >= message.at && m.at < message.at + MINUTE,
          );
          expect(real?.sender).toBe(sender.from.email);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on rows a page made up, and names only listed senders', () => {
    const participant = fc.record({
      email: fc.constantFrom(...PEOPLE, 'x@y.z'),
      name: fc.string({ maxLength: 8 }),
      isMe: fc.boolean(),
    });
    const anyRow = fc.record({
      threadId: fc.option(fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String), { nil: undefined }),
      lastMessageId: fc.option(fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String), { nil: undefined }),
      lastActivityAt: fc.option(fc.integer({ min: 0, max: NOW }), { nil: undefined }),
      timeSource: fc.option(fc.constantFrom('id' as const, 'title' as const), { nil: undefined }),
      dateTitle: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constant('Mar 3, 2026, 10:27 AM')), {
        nil: undefined,
      }),
      subject: fc.string({ maxLength: 10 }),
      snippet: fc.string({ maxLength: 10 }),
      participants: fc.array(participant, { maxLength: 5 }),
      unread: fc.boolean(),
      messageCount: fc.integer({ min: 1, max: 20 }),
      hasDraft: fc.boolean(),
    });
    fc.assert(
      fc.property(anyRow, fc.string({ maxLength: 30 }), fc.integer({ min: -720, max: 840 }), (row, hash, offset) => {
        const view = readGmailView(new URL(`https://mail.google.com/mail/u/0/#${encodeURIComponent(hash)}`));
        for (const inbox of [view, readGmailView(new URL('https://mail.google.com/mail/u/0/#inbox'))]) {
          const reading = readRowMessages(row, {
            view: inbox,
            myAddresses: MINE,
            titleOffset: { minutes: offset },
            readTitleWall,
          });
          for (const message of reading.messages) {
            if (message.sender) expect(row.participants.map((p) => p.email)).toContain(message.sender.from.email);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
