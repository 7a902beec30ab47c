import { describe, expect, it } from 'vitest';
import { listContext, storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import type { ConversationRecord, Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import type { KeepwarmDb } from '@/lib/store/db';
import { freshDbPerTest } from '../store/fresh-db';
import { gmailPage } from './gmail-page';
import { gmailId, inboxRow } from './inbox-rows';

// A Gmail inbox list as the content script sends it (./inbox-rows), read by
// the background into history with no thread opened, then the conversations
// read exactly.

const ME = 'olena@brightpath.studio';
const NOW = Date.UTC(2026, 10, 20, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const page = gmailPage(ME, NOW);

const me: Participant = { email: ME, name: 'me', isMe: true };
const dana: Participant = { email: 'dana@acme.com', name: 'Dana', isMe: false };
const raj: Participant = { email: 'raj@globex.io', name: 'Raj', isMe: false };
const li: Participant = { email: 'li@initech.cn', name: 'Li', isMe: false };

const id = gmailId;
const row = inboxRow;

// Dana's message shown at its minute; the user answered 2 h 13 min later.
const danaAt = NOW - 2 * DAY + 37_123;
const replyAt = danaAt + 2 * HOUR + 13 * MINUTE;
const inbox = [
  row(1, [dana, me], 2, replyAt, danaAt),
  row(2, [raj], 1, NOW - 3 * DAY + 5_551),
  row(3, [me, li], 4, NOW - 5 * HOUR + 9_870),
  row(4, [dana, raj, me], 3, NOW - 6 * DAY + 1_234),
];
const list = (hash: string) => listContext(hash, 'en', NOW);

let db: KeepwarmDb;
freshDbPerTest('gmail-rows', (fresh) => {
  db = fresh;
});

describe('history from Gmail list rows', () => {
  it('stores the senders the inbox rows make certain, learns the titles’ offset, and gives clients at once', async () => {
    await storeThreadRows(db, inbox, page, list('inbox'));
    expect((await db.accounts.get(ME))?.titleOffset).toEqual({ minutes: -240, learnedAt: NOW });
    const messages = await db.messages.orderBy('[account+at]').toArray();
    expect(messages.map((m) => [m.threadId, m.from.email, m.to.map((a) => a.email), m.senderEvidence])).toEqual([
      [inbox[3]?.threadId, '', ['dana@acme.com', 'raj@globex.io'], undefined],
      [inbox[1]?.threadId, 'raj@globex.io', [ME], 'one-message-row'],
      [inbox[0]?.threadId, 'dana@acme.com', [ME], 'shown-date-row'],
      [inbox[0]?.threadId, ME, ['dana@acme.com'], 'reply-after-shown-date'],
      [inbox[2]?.threadId, 'li@initech.cn', [ME], 'newest-in-inbox-row'],
    ]);
    const dated = messages.find((m) => m.senderEvidence === 'shown-date-row');
    expect(dated?.at).toBe(Math.floor(danaAt / MINUTE) * MINUTE);
    const clients = await recomputeAccount(db, ME, NOW);
    expect(clients.map((c) => c.key).sort()).toEqual(['acme.com', 'globex.io', 'initech.cn']);
    // Li's newest message waits on the user; Dana was answered.
    expect((await db.clients.get([ME, 'initech.cn']))?.waitingOnUsSince).toBe(inbox[2]?.lastActivityAt);
    expect((await db.clients.get([ME, 'acme.com']))?.waitingOnUsSince).toBeUndefined();
  });

  it('a later conversation replaces the inferred messages, stored once each', async () => {
    await storeThreadRows(db, inbox, page, list('inbox'));
    const danaMinuteExact = Math.floor(danaAt / MINUTE) * MINUTE + 41_000;
    const conversation: ConversationRecord = {
      threadId: inbox[0]?.threadId,
      subject: 'Thread 1',
      foldedCount: 0,
      messages: [
        {
          messageId: id(danaMinuteExact, 5),
          from: dana,
          to: [me],
          at: danaMinuteExact,
          timeSource: 'id',
          state: 'collapsed',
        },
        { messageId: inbox[0]?.lastMessageId, from: me, to: [dana], at: replyAt, timeSource: 'id', state: 'expanded' },
      ],
    };
    await storeConversation(db, conversation, page);
    const thread = await db.messages
      .where('[account+threadId]')
      .equals([ME, inbox[0]?.threadId ?? ''])
      .toArray();
    expect(thread.map((m) => [m.id, m.from.email, m.source, m.senderEvidence])).toEqual([
      [id(danaMinuteExact, 5), 'dana@acme.com', 'conversation', undefined],
      [inbox[0]?.lastMessageId, ME, 'conversation', undefined],
    ]);
    // Seeing the list again changes nothing: the exact senders stay, nothing is added.
    await storeThreadRows(db, inbox, page, list('inbox'));
    expect(
      await db.messages
        .where('[account+threadId]')
        .equals([ME, inbox[0]?.threadId ?? ''])
        .count(),
    ).toBe(2);
  });

  it('a batch of one changed row reads its title with the offset stored from the page', async () => {
    await storeThreadRows(db, inbox, page, list('inbox'));
    const liReplyAt = NOW - HOUR - 17 * MINUTE + 4_321;
    const changed = { ...row(3, [me, li], 5, liReplyAt, inbox[2]?.lastActivityAt), threadId: inbox[2]?.threadId };
    await storeThreadRows(db, [changed], page, list('inbox'));
    const thread = await db.messages
      .where('[account+threadId]')
      .equals([ME, changed.threadId ?? ''])
      .toArray();
    // Li's message is stored once: the newest of before and the one the title now dates are one, with its id and time.
    expect(thread.map((m) => [m.id, m.at, m.from.email, m.senderEvidence])).toEqual([
      [inbox[2]?.lastMessageId, inbox[2]?.lastActivityAt, 'li@initech.cn', 'shown-date-row'],
      [changed.lastMessageId, liReplyAt, ME, 'reply-after-shown-date'],
    ]);
  });

  it('an inbox that has shown no reply of the user outside it keeps its newest messages’ senders unknown, until one does', async () => {
    const alone = inbox[2] as ThreadRowRecord;
    await storeThreadRows(db, [alone, inbox[1] as ThreadRowRecord, inbox[3] as ThreadRowRecord], page, list('inbox'));
    expect((await db.messages.get([ME, alone.lastMessageId ?? '']))?.senderKnown).toBe(false);
    expect((await db.accounts.get(ME))?.repliesOutsideInboxAt).toBeUndefined();
    // A later page with one such row shows it, and the account keeps it for later batches.
    await storeThreadRows(db, [inbox[0] as ThreadRowRecord], page, list('inbox'));
    expect((await db.accounts.get(ME))?.repliesOutsideInboxAt).toBe(NOW);
    await storeThreadRows(db, [alone], page, list('inbox'));
    expect(await db.messages.get([ME, alone.lastMessageId ?? ''])).toMatchObject({
      senderKnown: true,
      from: { email: li.email },
      senderEvidence: 'newest-in-inbox-row',
    });
  });

  it('the sent view and rows sent without their view infer nothing; a category tab marks bulk', async () => {
    await storeThreadRows(db, [row(2, [raj], 1, NOW - DAY)], page, list('sent'));
    await storeThreadRows(db, [row(5, [li], 1, NOW - DAY)], page);
    expect((await db.messages.toArray()).map((m) => m.senderKnown)).toEqual([false, false]);
    expect((await db.accounts.get(ME))?.titleOffset).toBeUndefined();
    await storeThreadRows(db, [row(6, [raj], 1, NOW - 2 * HOUR)], page, list('category/promotions'));
    const promoted = await db.messages.get([ME, id(NOW - 2 * HOUR, 6)]);
    expect(promoted).toMatchObject({ senderKnown: true, bulk: { kind: 'gmail-category', category: 'promotions' } });
  });
});
