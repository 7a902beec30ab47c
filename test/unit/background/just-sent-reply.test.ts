import { describe, expect, it } from 'vitest';
import { storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import type { ConversationRecord, ThreadRowRecord } from '@/lib/sites/gmail/records';
import type { KeepwarmDb } from '@/lib/store/db';
import { freshDbPerTest } from '../store/fresh-db';
import { gmailPage } from './gmail-page';

// A reply the user sent minutes before shows in the conversation with a msg-a
// id and no legacy id until Gmail syncs it (as on the real 2025 conversation
// page). It is stored when Gmail gives it its final id, and only once, whether
// the conversation or the list row shows that id first.

const ME = 'ben@studio.example';
const NOW = Date.UTC(2025, 3, 9, 12);
const HOUR = 3_600_000;
const id = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

const vendor = { email: 'renewals@vendor.example', name: 'Vendor', isMe: false };
const me = { email: ME, name: 'me', isMe: true };
const noticeAt = NOW - 6 * HOUR;
const replyAt = NOW - 5 * HOUR;
const threadId = id(noticeAt, 1);
const replyId = id(replyAt, 2);

const notice = {
  messageId: threadId,
  from: vendor,
  to: [me],
  at: noticeAt,
  timeSource: 'id' as const,
  state: 'expanded' as const,
};
// What the extractor reads of the reply before the sync: no id, its time from the title, to the minute.
const replyUnsynced = {
  from: me,
  to: [vendor],
  at: replyAt - (replyAt % 60_000),
  timeSource: 'title' as const,
  dateTitle: 'Wed, Apr 9, 2025, 3:01 AM',
  state: 'expanded' as const,
};
const replySynced = { ...replyUnsynced, messageId: replyId, at: replyAt, timeSource: 'id' as const };

const conversation = (...messages: ConversationRecord['messages']): ConversationRecord => ({
  threadId,
  subject: 'Your subscription renews in 30 days',
  foldedCount: 0,
  messages,
});

const row: ThreadRowRecord = {
  threadId,
  lastMessageId: replyId,
  subject: 'Your subscription renews in 30 days',
  snippet: 'Thanks, renewing.',
  participants: [vendor, me],
  unread: false,
  messageCount: 2,
  hasDraft: false,
  lastActivityAt: replyAt,
  timeSource: 'id',
};

let db: KeepwarmDb;
freshDbPerTest('just-sent', (fresh) => {
  db = fresh;
});

const page = () => gmailPage(ME, NOW);
const storedIds = async () =>
  (await db.messages.where('[account+threadId]').equals([ME, threadId]).toArray()).map((m) => m.id).sort();

describe('a reply sent minutes before', () => {
  it('is not stored while it has no final id, then once under it, however often the conversation is read', async () => {
    await storeConversation(db, conversation(notice, replyUnsynced), page());
    await storeConversation(db, conversation(notice, replyUnsynced), page());
    expect(await storedIds()).toEqual([threadId]);

    await storeConversation(db, conversation(notice, replySynced), page());
    await storeConversation(db, conversation(notice, replySynced), page());
    expect(await storedIds()).toEqual([threadId, replyId].sort());
    const reply = await db.messages.get([ME, replyId]);
    expect(reply).toMatchObject({ at: replyAt, senderKnown: true, from: { email: ME } });
  });

  it('is one message when the list row shows its final id before the conversation does', async () => {
    await storeConversation(db, conversation(notice, replyUnsynced), page());
    await storeThreadRows(db, [row], page());
    expect(await storedIds()).toEqual([threadId, replyId].sort());
    await storeConversation(db, conversation(notice, replySynced), page());
    await storeThreadRows(db, [row], page());
    expect(await storedIds()).toEqual([threadId, replyId].sort());
    // The conversation's sighting names the sender; a later row sighting does not take that back.
    expect(await db.messages.get([ME, replyId])).toMatchObject({ senderKnown: true, from: { email: ME } });
  });
});
