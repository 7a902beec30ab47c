import { describe, expect, it } from 'vitest';
import type { Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import {
  listViewKind,
  type RowInferenceContext,
  readRowMessages,
  showsReplyOutsideInbox,
} from '@/lib/sites/gmail/row-inference';
import { chooseOffset, offsetMatching, voteOffsets } from '@/lib/sites/gmail/title-offset';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { readGmailView } from '@/lib/sites/gmail/view';

// Small rows written for these tests, after the real 2025 inbox's rows
// (fixtures SOURCES §dom-2025): the newest message's id gives its exact time,
// the date title is the newest inbox message's minute in the Gmail zone's wall
// clock (written here as Gmail's en-US titles), the participants name each
// sender once. People and times are made up.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 20, 12);
const ME = 'olena@brightpath.studio';
const ALIAS = 'hello@brightpath.studio';
const EDT = -240;
/** How long after the dated message the user replied: no zone's offset from it, so the title reads as an older message. */
const LATER_REPLY = 67 * MINUTE;

const me: Participant = { email: ME, name: 'me', isMe: true };
const dana: Participant = { email: 'dana@acme.com', name: 'Dana', isMe: false };
const raj: Participant = { email: 'raj@globex.io', name: 'Raj', isMe: false };

const titleFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
/** Gmail's title of a moment, in a zone `offset` minutes from UTC. */
const title = (at: number, offset = EDT) => titleFormat.format(new Date(at + offset * MINUTE));
const readTitleWall = (text: string) => parseTitleTime(text, { timeZone: 'UTC', now: NOW, language: 'en' });
const idOf = (at: number) => ((BigInt(at) << 20n) | 7n).toString(10);

let serial = 0;
/** A row whose newest message is at `newestAt` and whose title dates `shownAt` (the same by default). */
function row(participants: Participant[], messageCount: number, newestAt: number, shownAt = newestAt, offset = EDT) {
  serial += 1;
  return {
    threadId: idOf(newestAt - 5 * HOUR + serial),
    lastMessageId: idOf(newestAt),
    subject: 'Website',
    snippet: 'Latest words',
    participants,
    unread: false,
    messageCount,
    hasDraft: false,
    // Ids code the time to the millisecond; a message seldom lands on a whole minute.
    lastActivityAt: newestAt,
    timeSource: 'id',
    dateTitle: title(shownAt, offset),
  } satisfies ThreadRowRecord;
}

const at = NOW - 26 * HOUR + 17_345;
const context = (hash = '#inbox', overrides: Partial<RowInferenceContext> = {}): RowInferenceContext => ({
  view: readGmailView(new URL(`https://mail.google.com/mail/u/0/${hash}`)),
  myAddresses: [ME],
  titleOffset: { minutes: EDT },
  readTitleWall,
  repliesLeaveInbox: true,
  ...overrides,
});
const senders = (r: ThreadRowRecord, ctx = context()) =>
  readRowMessages(r, ctx).messages.map(
    (m) => m.sender && `${m.sender.from.email}>${m.sender.to.map((a) => a.email)} ${m.sender.evidence}`,
  );

describe('what a row tells for certain', () => {
  it('a one-message thread of one other person: they sent it, to the user, at the id time', () => {
    const reading = readRowMessages(row([dana], 1, at), context());
    expect(reading.messages).toEqual([
      {
        id: idOf(at),
        at,
        timeExact: true,
        sender: { from: { email: dana.email, name: 'Dana' }, to: [{ email: ME }], evidence: 'one-message-row' },
      },
    ]);
  });

  it('a thread whose only name is one other person’s is all theirs, in any view naming senders', () => {
    for (const hash of ['#inbox', '#label/Clients', '#all', '#starred', '#imp', '#search/invoice']) {
      expect(senders(row([dana], 4, at), context(hash)), hash).toEqual([`${dana.email}>${ME} single-sender-row`]);
    }
  });

  it('in the inbox, a newest message the title dates is the one counterpart’s', () => {
    expect(senders(row([me, dana], 3, at))).toEqual([`${dana.email}>${ME} newest-in-inbox-row`]);
    // Outside the inbox the title is not the inbox's: nothing is read from it.
    expect(senders(row([me, dana], 3, at), context('#label/Clients'))).toEqual([undefined]);
  });

  it('an inbox that never showed a reply of the user outside it does not tell whose its newest message is', () => {
    // As where the user copies every reply to themselves: the newest message in the inbox may be theirs.
    const ctx = context('#inbox', { repliesLeaveInbox: false });
    expect(senders(row([me, dana], 3, at), ctx)).toEqual([undefined]);
    expect(senders(row([dana], 3, at), ctx)).toEqual([`${dana.email}>${ME} single-sender-row`]);
    // The row that shows it: dated before its newest message, with the user among its people.
    expect(showsReplyOutsideInbox(row([dana, me], 2, at, at - LATER_REPLY), ctx)).toBe(true);
    expect(showsReplyOutsideInbox(row([dana, raj], 2, at, at - LATER_REPLY), ctx)).toBe(false);
    expect(showsReplyOutsideInbox(row([dana, me], 2, at), ctx)).toBe(false);
    expect(showsReplyOutsideInbox(row([dana, me], 2, at, at - LATER_REPLY), context('#label/Clients'))).toBe(false);
  });

  it('in the inbox, a newest message later than the title is the user’s, and the dated one the counterpart’s', () => {
    const shownAt = at - 3 * HOUR - 21 * MINUTE;
    const reading = readRowMessages(row([dana, me], 2, at, shownAt), context());
    expect(reading.messages).toHaveLength(2);
    const [newest, dated] = reading.messages;
    expect(newest).toMatchObject({ id: idOf(at), at, timeExact: true });
    expect(newest?.sender).toEqual({
      from: { email: ME, name: 'me' },
      to: [{ email: dana.email, name: 'Dana' }],
      evidence: 'reply-after-shown-date',
    });
    // The title gives the minute, in the Gmail zone: its start in UTC.
    expect(dated).toEqual({
      at: Math.floor(shownAt / MINUTE) * MINUTE,
      timeExact: false,
      sender: {
        from: { email: dana.email, name: 'Dana' },
        to: [{ email: ME, name: 'me' }],
        evidence: 'shown-date-row',
      },
    });
  });

  it('category tabs are the inbox, and mark the messages of others as bulk', () => {
    const reading = readRowMessages(row([dana, me], 2, at, at - LATER_REPLY), context('#category/updates'));
    expect(reading.bulk).toEqual({ kind: 'gmail-category', category: 'updates' });
    expect(reading.messages.map((m) => m.sender?.evidence)).toEqual(['reply-after-shown-date', 'shown-date-row']);
    expect(readRowMessages(row([dana], 1, at), context('#category/primary')).messages[0]?.sender).toBeUndefined();
  });

  it('the sent view, drafts, scheduled, outbox and searches of the user’s mail name recipients: nothing is inferred', () => {
    for (const hash of [
      '#sent',
      '#drafts',
      '#scheduled',
      '#outbox',
      '#search/in%3Asent+invoice',
      '#search/from%3Ame',
    ]) {
      expect(listViewKind(context(hash).view), hash).toBeUndefined();
      expect(senders(row([dana], 1, at), context(hash)), hash).toEqual([undefined]);
      expect(senders(row([me, dana], 2, at, at - LATER_REPLY), context(hash)), hash).toEqual([undefined]);
    }
  });

  it('an alias of the user is the user, whatever the page called it', () => {
    const alias: Participant = { email: ALIAS, name: 'Brightpath', isMe: false };
    const ctx = context('#inbox', { myAddresses: [ME, ALIAS] });
    expect(senders(row([alias], 1, at), ctx)).toEqual([undefined]);
    expect(senders(row([alias, dana], 2, at, at - LATER_REPLY), ctx)).toEqual([
      `${ALIAS}>${dana.email} reply-after-shown-date`,
      `${dana.email}>${ALIAS} shown-date-row`,
    ]);
    // Without the alias in the settings it is one more person: two counterparts, nothing certain.
    expect(senders(row([alias, dana], 2, at, at - LATER_REPLY))).toEqual([undefined]);
  });

  it('two counterparts: who wrote the newest message, and to whom, stays unknown', () => {
    expect(senders(row([dana, raj], 3, at))).toEqual([undefined]);
    expect(senders(row([me, dana, raj], 3, at))).toEqual([undefined]);
    expect(senders(row([dana, raj, me], 5, at, at - LATER_REPLY))).toEqual([undefined]);
  });

  it('the user alone: their own note, nothing to a client', () => {
    expect(senders(row([me], 1, at))).toEqual([undefined]);
    expect(senders(row([me], 3, at, at - LATER_REPLY))).toEqual([undefined]);
  });

  it('with no certain offset, nothing is inferred from titles; rules without titles still hold', () => {
    const ctx = context('#inbox', { titleOffset: undefined });
    expect(senders(row([me, dana], 2, at, at - LATER_REPLY), ctx)).toEqual([undefined]);
    expect(senders(row([me, dana], 2, at), ctx)).toEqual([undefined]);
    expect(senders(row([dana], 1, at), ctx)).toEqual([`${dana.email}>${ME} one-message-row`]);
  });

  it('a title that fits another zone exactly, or dates a time after the newest message, is not read', () => {
    // Written at UTC−5 (a winter row of a zone with summer time) on a page read at UTC−4.
    expect(senders(row([me, dana], 2, at, at, -300))).toEqual([undefined]);
    expect(senders(row([me, dana], 2, at, at + HOUR))).toEqual([undefined]);
    // One message cannot be both after the title and the only message.
    expect(senders(row([me, dana], 1, at, at - LATER_REPLY))).toEqual([undefined]);
  });

  it('a row without a time-coded id gives no message to infer on', () => {
    const { lastActivityAt: _, ...untimed } = row([dana], 1, at);
    expect(readRowMessages({ ...untimed, timeSource: 'title' }, context()).messages).toEqual([]);
  });
});

describe('the offset of the titles, learnt from the rows', () => {
  const spread = (count: number, offset: number, start = at) =>
    Array.from({ length: count }, (_, i) => row([dana], 1, start - i * 7 * HOUR - i * 13_001, undefined, offset));

  it('a title is its message’s id time cut to the minute in a real zone’s offset, or fits none', () => {
    const exact = Date.UTC(2026, 2, 3, 14, 27, 31, 900);
    expect(offsetMatching(exact, Date.UTC(2026, 2, 3, 10, 27))).toBe(-240);
    expect(offsetMatching(exact, Date.UTC(2026, 2, 3, 20, 12))).toBe(345);
    // Not the minute the id falls in, or a quarter-hour no zone uses.
    expect(offsetMatching(exact, Date.UTC(2026, 2, 3, 10, 26))).toBeUndefined();
    expect(offsetMatching(exact, Date.UTC(2026, 2, 3, 10, 28))).toBeUndefined();
    expect(offsetMatching(exact, Date.UTC(2026, 2, 3, 9, 42))).toBeUndefined();
  });

  it('a clear majority of the rows sets it; the user’s later replies do not vote', () => {
    const replies = [row([me, dana], 2, at, at - 3 * HOUR - 7 * MINUTE), row([me, raj], 2, at, at - 41 * MINUTE)];
    const votes = voteOffsets([...spread(5, EDT), ...replies], readTitleWall);
    expect(votes.majority).toBe(EDT);
    expect([...votes.votes]).toEqual([[EDT, 5]]);
    expect(chooseOffset(votes, undefined)).toEqual({ minutes: EDT });
    // Another stored offset gives way to the page's own majority.
    expect(chooseOffset(votes, -300)).toEqual({ minutes: EDT });
  });

  it('DST-like mixed offsets: no clear majority, so no offset, and a stored one is not used either', () => {
    const mixed = voteOffsets([...spread(5, EDT), ...spread(4, -300, at - 200 * 24 * HOUR)], readTitleWall);
    expect(mixed.majority).toBeUndefined();
    expect(chooseOffset(mixed, EDT)).toBeUndefined();
    expect(voteOffsets(spread(2, EDT), readTitleWall).majority).toBeUndefined();
  });

  it('a majority with rows of another offset reads an older date only between rows of its own', () => {
    // Summer rows at UTC−4 and, older, winter rows at UTC−5, as a zone with summer time would show them.
    const winterStart = at - 120 * 24 * HOUR;
    const rows = [...spread(6, EDT), ...spread(2, -300, winterStart)];
    const offset = chooseOffset(voteOffsets(rows, readTitleWall), undefined);
    expect(offset?.minutes).toBe(EDT);
    expect(offset?.mixed).toHaveLength(8);
    const ctx = context('#inbox', { titleOffset: offset });
    // A reply whose dated message sits among the summer rows is read; one among the winter rows is not.
    expect(senders(row([dana, me], 2, at - 2 * 7 * HOUR, at - 3 * 7 * HOUR - LATER_REPLY), ctx)).toEqual([
      `${ME}>${dana.email} reply-after-shown-date`,
      `${dana.email}>${ME} shown-date-row`,
    ]);
    expect(senders(row([dana, me], 2, at - 8 * 7 * HOUR, winterStart - 3 * HOUR), ctx)).toEqual([undefined]);
    // A newest message its own title dates in the majority's offset needs no neighbours.
    expect(senders(row([dana, me], 2, winterStart - 20 * 24 * HOUR), ctx)).toEqual([
      `${dana.email}>${ME} newest-in-inbox-row`,
    ]);
  });

  it('a small batch uses the stored offset unless one of its rows points at another', () => {
    const reply = [row([me, dana], 2, at, at - 2 * HOUR - 11 * MINUTE)];
    expect(chooseOffset(voteOffsets(reply, readTitleWall), EDT)).toEqual({ minutes: EDT });
    expect(chooseOffset(voteOffsets(spread(1, EDT), readTitleWall), EDT)).toEqual({ minutes: EDT });
    expect(chooseOffset(voteOffsets(spread(1, -300), readTitleWall), EDT)).toBeUndefined();
    expect(chooseOffset(voteOffsets(reply, readTitleWall), undefined)).toBeUndefined();
  });
});
