import { describe, expect, it } from 'vitest';
import { recordFollowUpDecision } from '@/lib/background/follow-up-decisions';
import { type PageContext, storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { countClientsWaitingOnUs, recomputeAccount, recomputeClients } from '@/lib/background/recompute';
import { accountIdentity } from '@/lib/engine/account-identity';
import type { ConversationRecord, ThreadRowRecord } from '@/lib/sites/gmail/records';
import type { KeepwarmDb } from '@/lib/store/db';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { freshDbPerTest } from '../store/fresh-db';

const ME = 'olena@brightpath.studio';
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const id = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

const page: PageContext = {
  account: ME,
  identity: accountIdentity(ME),
  accountPath: 'u/0',
  health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
  parseTitle: () => undefined,
  now: NOW,
};

const dana = { email: 'dana@acme.com', name: 'Dana', isMe: false };
const me = { email: ME, name: 'me', isMe: true };
const firstAt = NOW - 5 * 24 * HOUR;
const replyAt = firstAt + 2 * HOUR;
const lastAt = NOW - 3 * 24 * HOUR;
const threadId = id(firstAt, 1);

const row: ThreadRowRecord = {
  threadId,
  lastMessageId: id(lastAt, 3),
  subject: 'Website',
  snippet: 'Any news?',
  participants: [dana, me],
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
    { messageId: id(firstAt, 1), from: dana, to: [me], at: firstAt, timeSource: 'id', state: 'collapsed' },
    { messageId: id(replyAt, 2), from: me, to: [dana], at: replyAt, timeSource: 'id', state: 'collapsed' },
    { messageId: id(lastAt, 3), from: dana, to: [me], at: lastAt, timeSource: 'id', state: 'expanded' },
    { to: [dana], dateTitle: 'just now', state: 'expanded' },
  ],
};

let db: KeepwarmDb;
freshDbPerTest('observations', (fresh) => {
  db = fresh;
});

describe('Gmail observations in the background', () => {
  it('a list row and its conversation become one thread and three messages', async () => {
    const touched = await storeThreadRows(db, [row], page);
    expect([...touched]).toEqual([`${ME}|acme.com`]);
    await storeConversation(db, conversation, page);
    expect(await db.threads.count()).toBe(1);
    const messages = await db.messages.toArray();
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.senderKnown)).toBe(true);
    expect((await db.accounts.get(ME))?.listHealth?.healthy).toBe(true);
  });

  it('the client whose message is unanswered waits on the user, with the reason in numbers', async () => {
    await storeConversation(db, conversation, page);
    const [client] = await recomputeAccount(db, ME, NOW);
    expect(client?.key).toBe('acme.com');
    expect(client?.waitingOnUsSince).toBe(lastAt);
    const waiting = client?.report.risk.reasons.find((r) => r.kind === 'waiting_on_us');
    expect(waiting?.numbers).toMatchObject({ waitingMs: NOW - lastAt });
    expect(await countClientsWaitingOnUs(db)).toBe(1);
    if (!client) return;
    const { waitingOnUsSince: _, ...notWaiting } = client;
    await db.clients.put({ ...notWaiting, key: 'quiet.example' });
    expect(await countClientsWaitingOnUs(db)).toBe(1);
  });

  it('a collapsed reply of the user, shown without recipients, counts as written to the thread’s client', async () => {
    const collapsed = {
      ...conversation,
      messages: conversation.messages.map((m) => (m.from === me ? { ...m, to: [] } : m)),
    };
    const touched = await storeConversation(db, collapsed, page);
    expect([...touched]).toEqual([`${ME}|acme.com`]);
    const reply = await db.messages.get([ME, id(replyAt, 2)]);
    expect(reply?.to.map((a) => a.email)).toEqual(['dana@acme.com']);
    expect(reply?.clientRefs).toEqual([`${ME}|acme.com`]);
    await recomputeClients(db, ME, touched, NOW);
    const client = await db.clients.get([ME, 'acme.com']);
    expect(client?.report.metrics.latency.ours.count).toBe(1);
  });

  it('a stale list showing older activity does not roll a thread back', async () => {
    await storeThreadRows(db, [row], page);
    await storeThreadRows(db, [{ ...row, lastActivityAt: firstAt, lastMessageId: id(firstAt, 1) }], page);
    expect((await db.threads.toArray())[0]?.lastActivityAt).toBe(lastAt);
  });

  it('recomputing replaces the account’s reports and leaves other accounts alone', async () => {
    await storeConversation(db, conversation, page);
    await storeConversation(db, conversation, { ...page, account: 'other@gmail.com' });
    await recomputeAccount(db, ME, NOW);
    await recomputeAccount(db, 'other@gmail.com', NOW);
    await recomputeAccount(db, ME, NOW);
    expect(new Set((await db.clients.toArray()).map((c) => c.account))).toEqual(new Set([ME, 'other@gmail.com']));
    expect(await db.clients.where('[account+key]').equals([ME, 'acme.com']).count()).toBe(1);
  });
});

describe('follow-up decisions', () => {
  it('survive recomputes and reopen when new activity arrives', async () => {
    await storeConversation(db, conversation, page);
    const [before] = await recomputeAccount(db, ME, NOW);
    const reply = before?.report.followUps.find((f) => f.kind === 'reply');
    expect(reply?.status).toBe('open');
    if (!reply) return;
    await recordFollowUpDecision(
      db,
      { account: ME, clientKey: 'acme.com', key: reply.key, status: 'snoozed', snoozedUntil: NOW + 86_400_000 },
      NOW,
    );
    // Marked pending with it: a worker stopped before the recompute finishes it when it starts again.
    expect([...markedRefs(await pendingOf(db))]).toEqual([`${ME}|acme.com`]);
    const [snoozed] = await recomputeAccount(db, ME, NOW + 1000);
    expect(await db.recomputeMarks.count()).toBe(0);
    expect(snoozed?.report.followUps.find((f) => f.key === reply.key)?.status).toBe('snoozed');
    const [later] = await recomputeAccount(db, ME, NOW + 2 * 86_400_000);
    expect(later?.report.followUps.find((f) => f.key === reply.key)?.status).toBe('open');
    await expect(
      recordFollowUpDecision(db, { account: ME, clientKey: 'acme.com', key: reply.key, status: 'snoozed' }, NOW),
    ).rejects.toThrow(/future/);
  });
});

describe('incremental recompute', () => {
  it('recomputes only the touched client, the same as a full recompute would', async () => {
    const refs = await storeThreadRows(db, [row], page);
    expect(await recomputeClients(db, ME, refs, NOW)).toBe('full');
    await storeConversation(db, conversation, page);
    await storeConversation(
      db,
      {
        ...conversation,
        threadId: id(firstAt, 9),
        messages: [
          {
            messageId: id(firstAt, 9),
            from: { email: 'ivan@other.example', name: 'Ivan', isMe: false },
            to: [me],
            at: firstAt,
            timeSource: 'id',
            state: 'expanded',
          },
        ],
      },
      page,
    );
    await recomputeAccount(db, ME, NOW);
    const newer = NOW - HOUR;
    const touched = await storeConversation(
      db,
      {
        ...conversation,
        messages: [{ messageId: id(newer, 7), from: me, to: [dana], at: newer, timeSource: 'id', state: 'expanded' }],
      },
      page,
    );
    expect([...touched]).toEqual([`${ME}|acme.com`]);
    const other = await db.clients.get([ME, 'other.example']);
    expect(await recomputeClients(db, ME, touched, NOW)).toBe('incremental');
    const incremental = await db.clients.get([ME, 'acme.com']);
    expect(incremental?.waitingOnUsSince).toBeUndefined();
    expect(await db.clients.get([ME, 'other.example'])).toEqual(other);
    await recomputeAccount(db, ME, NOW);
    expect((await db.clients.get([ME, 'acme.com']))?.report).toEqual(incremental?.report);
  });
});
