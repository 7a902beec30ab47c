import { describe, expect, it } from 'vitest';
import { type DataPageContext, storeGmailData } from '@/lib/background/gmail-data';
import { storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { createRouter, type Handlers } from '@/lib/background/router';
import { accountIdentity } from '@/lib/engine/account-identity';
import type { ContentGmailDataSeen } from '@/lib/features/gmail/messages';
import type { GmailDataHealth, GmailDataMessage, GmailDataThread } from '@/lib/sites/gmail/page-data/records';
import type { ConversationRecord, ThreadRowRecord } from '@/lib/sites/gmail/records';
import type { KeepwarmDb } from '@/lib/store/db';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { freshDbPerTest } from '../store/fresh-db';
import { gmailPage } from './gmail-page';

// Hand-made readings of Gmail's own thread data, stored by the background as
// the router hands them over (already validated).

const ME = 'olena@brightpath.studio';
const OTHER_ACCOUNT = 'olena.private@gmail.com';
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const id = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

const health: GmailDataHealth = { payloads: 1, recognised: 1, threads: 1, messages: 3, dropped: 0, refused: {} };
const page = (account = ME): DataPageContext => ({
  account,
  identity: accountIdentity(account),
  accountPath: 'u/0',
  health,
  now: NOW,
});

const dana = { email: 'dana@acme.com', name: 'Dana Ivanova' };
const me = { email: ME, name: 'Olena' };
const firstAt = NOW - 5 * 24 * HOUR;
const replyAt = firstAt + 2 * HOUR;
const lastAt = NOW - 3 * 24 * HOUR;
const threadId = id(firstAt, 1);

const message = (at: number, n: number, from: typeof me, to: (typeof me)[]): GmailDataMessage => ({
  messageId: id(at, n),
  from,
  to,
  cc: [],
  at,
  snippet: `message ${n}`,
  draft: false,
});

const thread: GmailDataThread = {
  threadId,
  subject: 'Website',
  labels: ['^all', '^i', '^u'],
  category: 'primary',
  lastActivityAt: lastAt,
  messages: [
    message(firstAt, 1, dana, [me]),
    message(replyAt, 2, me, [dana]),
    { ...message(lastAt, 3, dana, [me]), cc: [{ email: 'ops@acme.com', name: '' }] },
    { ...message(lastAt + HOUR, 4, me, [dana]), draft: true },
  ],
};

let db: KeepwarmDb;
freshDbPerTest('gmail-data', (fresh) => {
  db = fresh;
});

describe('Gmail’s own thread data in the background', () => {
  it('stores the thread and every sent message with its exact sender, recipients and time; drafts are not mail', async () => {
    const touched = await storeGmailData(db, [thread], page());
    expect([...touched]).toEqual([`${ME}|acme.com`]);
    const messages = await db.messages.orderBy('[account+at]').toArray();
    expect(messages.map((m) => m.id)).toEqual([id(firstAt, 1), id(replyAt, 2), id(lastAt, 3)]);
    expect(messages.every((m) => m.source === 'gmail-data' && m.senderKnown)).toBe(true);
    expect(messages[1]).toMatchObject({ from: me, to: [dana], at: replyAt, subject: 'Website', snippet: 'message 2' });
    expect(messages[2]?.cc).toEqual([{ email: 'ops@acme.com', name: '' }]);
    expect(messages.some((m) => m.bulk)).toBe(false);
    const stored = await db.threads.get([ME, threadId]);
    expect(stored).toMatchObject({
      subject: 'Website',
      lastActivityAt: lastAt,
      lastMessageId: id(lastAt, 3),
      unread: true,
      hasDraft: true,
      messageCount: 3,
      clientRefs: [`${ME}|acme.com`],
    });
    expect(stored?.participants.map((p) => p.email).sort()).toEqual(['dana@acme.com', ME, 'ops@acme.com'].sort());
    expect((await db.accounts.get(ME))?.dataHealth).toEqual(health);
    expect(markedRefs(await pendingOf(db)).size).toBe(1);
  });

  it('one message seen in a list row, an opened conversation and the data is stored once', async () => {
    const row: ThreadRowRecord = {
      threadId,
      lastMessageId: id(lastAt, 3),
      subject: 'Website',
      snippet: 'Any news?',
      participants: [
        { ...dana, isMe: false },
        { ...me, isMe: true },
      ],
      unread: true,
      messageCount: 3,
      hasDraft: false,
      lastActivityAt: lastAt,
      timeSource: 'id',
    };
    const conversation: ConversationRecord = {
      threadId,
      subject: 'Website',
      foldedCount: 0,
      messages: [
        { messageId: id(firstAt, 1), from: { ...dana, isMe: false }, to: [], at: firstAt, state: 'collapsed' },
        { messageId: id(lastAt, 3), from: { ...dana, isMe: false }, to: [], at: lastAt, state: 'expanded' },
      ],
    };
    await storeThreadRows(db, [row], gmailPage(ME, NOW));
    await storeGmailData(db, [thread], page());
    await storeConversation(db, conversation, gmailPage(ME, NOW));
    await storeGmailData(db, [thread], page());
    const messages = await db.messages.toArray();
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.senderKnown)).toBe(true);
    expect(await db.threads.count()).toBe(1);
  });

  it('the data gives a sender the list row left unknown', async () => {
    const listOnly: ThreadRowRecord = {
      threadId,
      lastMessageId: id(lastAt, 3),
      subject: 'Website',
      snippet: '',
      participants: [{ ...dana, isMe: false }],
      unread: false,
      messageCount: 3,
      hasDraft: false,
      lastActivityAt: lastAt,
      timeSource: 'id',
    };
    await storeThreadRows(db, [listOnly], gmailPage(ME, NOW));
    expect((await db.messages.get([ME, id(lastAt, 3)]))?.senderKnown).toBe(false);
    await storeGmailData(db, [thread], page());
    expect(await db.messages.get([ME, id(lastAt, 3)])).toMatchObject({ senderKnown: true, from: dana });
  });

  it('messages of threads Gmail files under Promotions, Social, Updates or Forums carry that as evidence', async () => {
    const offers = {
      ...thread,
      threadId: id(firstAt, 9),
      category: 'promotions' as const,
      messages: [thread.messages[0] as GmailDataMessage],
    };
    const forum = {
      ...thread,
      threadId: id(firstAt, 8),
      category: 'forums' as const,
      messages: [{ ...(thread.messages[2] as GmailDataMessage), messageId: id(lastAt, 8) }],
    };
    await storeGmailData(db, [offers, forum], page());
    expect((await db.messages.get([ME, id(firstAt, 1)]))?.bulk).toEqual({
      kind: 'gmail-category',
      category: 'promotions',
    });
    expect((await db.messages.get([ME, id(lastAt, 8)]))?.bulk).toEqual({ kind: 'gmail-category', category: 'forums' });
  });

  it('a list’s reply of the user with its recipients not given goes to the thread’s one counterpart, else to nobody', async () => {
    const listed = (messages: GmailDataMessage[]): GmailDataThread => ({
      ...thread,
      messages: messages.map((m) => ({ ...m, to: [], cc: [], recipientsKnown: false })),
    });
    const [first, reply] = thread.messages as [GmailDataMessage, GmailDataMessage];
    await storeGmailData(db, [listed([first, reply])], page());
    expect((await db.messages.get([ME, reply.messageId]))?.to).toEqual([dana]);
    const alone = { ...listed([reply]), threadId: id(replyAt, 7) };
    await storeGmailData(
      db,
      [{ ...alone, messages: alone.messages.map((m) => ({ ...m, messageId: id(replyAt, 7) })) }],
      page(),
    );
    expect((await db.messages.get([ME, id(replyAt, 7)]))?.to).toEqual([]);
  });

  it('a stale list showing older activity does not roll a thread back, and a thread list never lowers the count', async () => {
    await storeGmailData(db, [thread], page());
    const older = { ...thread, lastActivityAt: firstAt, messages: [thread.messages[0] as GmailDataMessage] };
    await storeGmailData(db, [older], page());
    expect(await db.threads.get([ME, threadId])).toMatchObject({ lastActivityAt: lastAt, messageCount: 3 });
    const newestOnly = { ...thread, messages: [thread.messages[2] as GmailDataMessage] };
    await storeGmailData(db, [newestOnly], page());
    expect((await db.threads.get([ME, threadId]))?.messageCount).toBe(3);
  });

  it('writes only the account it is given: another account’s records stay as they were', async () => {
    await storeGmailData(db, [thread], page(OTHER_ACCOUNT));
    const before = await db.messages
      .where('[account+id]')
      .between([OTHER_ACCOUNT, ''], [OTHER_ACCOUNT, '\uffff'])
      .toArray();
    await storeGmailData(db, [{ ...thread, subject: 'Changed' }], page());
    const after = await db.messages
      .where('[account+id]')
      .between([OTHER_ACCOUNT, ''], [OTHER_ACCOUNT, '\uffff'])
      .toArray();
    expect(after).toEqual(before);
    expect((await db.threads.get([OTHER_ACCOUNT, threadId]))?.subject).toBe('Website');
    expect((await db.threads.get([ME, threadId]))?.subject).toBe('Changed');
  });

  it('counts a batch with no thread in the account’s health and stores nothing else', async () => {
    const refused: GmailDataHealth = { ...health, recognised: 0, threads: 0, messages: 0, refused: { 'not-gmail': 1 } };
    const touched = await storeGmailData(db, [], { ...page(), health: refused });
    expect(touched.size).toBe(0);
    expect(await db.messages.count()).toBe(0);
    expect(await db.threads.count()).toBe(0);
    expect((await db.accounts.get(ME))?.dataHealth).toEqual(refused);
  });
});

describe('Gmail’s own thread data at the router', () => {
  const handlers = {
    'content/gmail-data-seen': async (message: ContentGmailDataSeen) => {
      await storeGmailData(db, message.threads, { ...page(message.account.address), health: message.health });
      return { stored: message.threads.length };
    },
  } as Partial<Handlers> as Handlers;
  const tab = { url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 4 } };
  const valid = {
    type: 'content/gmail-data-seen',
    account: { accountPath: 'u/0', address: ME },
    pageLanguage: 'en',
    health,
    threads: [thread],
  };
  const withMessage = (change: Partial<GmailDataMessage> & Record<string, unknown>) => ({
    ...valid,
    threads: [thread, { ...thread, threadId: id(firstAt, 5), messages: [{ ...thread.messages[0], ...change }] }],
  });

  it('stores a valid message', async () => {
    const router = createRouter(handlers, 'chrome-extension://keepwarm/');
    await expect(router.route(valid, tab)).resolves.toEqual({ stored: 1 });
    expect(await db.messages.count()).toBe(3);
  });

  it.each([
    ['a sender that is no address', withMessage({ from: { email: 'not an address', name: '' } })],
    ['a message id that is not Gmail’s', withMessage({ messageId: 'msg-f:12' })],
    ['a time before Gmail existed', withMessage({ at: Date.UTC(2001, 0, 1) })],
    ['a field the parser never sets', withMessage({ folder: 'settings' })],
    ['a subject beyond bounds', { ...valid, threads: [{ ...thread, subject: 'x'.repeat(100_000) }] }],
    ['too many threads', { ...valid, threads: Array.from({ length: 2001 }, () => thread) }],
    ['no known address', { ...valid, account: { accountPath: 'u/0' } }],
    ['health that is not counts', { ...valid, health: { ...health, threads: -1 } }],
  ])('refuses a message with %s, writing nothing', async (_name, message) => {
    const router = createRouter(handlers, 'chrome-extension://keepwarm/');
    const reply = (await router.route(message, tab)) as { refused?: string };
    expect(reply.refused).toEqual(expect.any(String));
    expect(router.rejectedCount).toBe(1);
    expect(await db.messages.count()).toBe(0);
    expect(await db.threads.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
  });
});
