import type { AccountIdentity, MailAddress } from '@/lib/engine/types';
import type { ConversationRecord, Health, Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import type { KeepwarmDb, StoredThread } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { markPending } from '@/lib/store/pending-recompute';
import { clientRefsFor } from './identity';

export interface PageContext {
  account: string;
  /** The account's address, aliases and internal domains, from the user's settings. */
  identity: AccountIdentity;
  accountPath: string;
  health: Health;
  /** Parses a date title of this page when the id gave no time. */
  parseTitle: (title: string) => number | undefined;
  now: number;
}

const toAddress = ({ email, name }: Participant) => ({ email, name });

function rowTime(row: ThreadRowRecord, page: PageContext): { at?: number; exact: boolean } {
  if (row.lastActivityAt !== undefined) return { at: row.lastActivityAt, exact: row.timeSource === 'id' };
  return { at: row.dateTitle ? page.parseTitle(row.dateTitle) : undefined, exact: false };
}

async function touchAccount(
  db: KeepwarmDb,
  page: PageContext,
  health: Partial<{ listHealth: Health; conversationHealth: Health }>,
) {
  const existing = await db.accounts.get(page.account);
  await db.accounts.put({
    ...existing,
    address: page.account,
    accountPath: page.accountPath,
    firstSeenAt: existing?.firstSeenAt ?? page.now,
    lastSeenAt: page.now,
    ...health,
  });
}

/**
 * Stores what a Gmail list showed: each thread's activity and participants,
 * and its last message as far as the row tells (time and thread, not sender).
 * Returns the client refs the change touched.
 */
export async function storeThreadRows(
  db: KeepwarmDb,
  rows: ThreadRowRecord[],
  page: PageContext,
): Promise<Set<string>> {
  const refsOf = clientRefsFor(page.account, page.identity);
  const threads: StoredThread[] = [];
  const observations: MessageObservation[] = [];
  for (const row of rows) {
    if (!row.threadId) continue;
    const { at, exact } = rowTime(row, page);
    const participants = row.participants.map(toAddress);
    const clientRefs = refsOf({
      id: '',
      threadId: '',
      at: 0,
      from: { email: '' },
      to: participants,
      cc: [],
      subject: '',
      snippet: '',
    });
    if (at !== undefined) {
      threads.push({
        account: page.account,
        threadId: row.threadId,
        subject: row.subject,
        snippet: row.snippet,
        lastActivityAt: at,
        lastMessageId: row.lastMessageId,
        participants,
        unread: row.unread,
        messageCount: row.messageCount,
        hasDraft: row.hasDraft,
        clientRefs,
        seenAt: page.now,
      });
    }
    if (row.lastMessageId && at !== undefined) {
      observations.push({
        id: row.lastMessageId,
        threadId: row.threadId,
        at,
        from: { email: '' },
        to: participants.filter((p) => !row.participants.find((q) => q.email === p.email)?.isMe),
        cc: [],
        subject: row.subject,
        snippet: row.snippet,
        source: 'list',
        senderKnown: false,
        timeExact: exact,
      });
    }
  }
  // One transaction for threads and messages: a write refused half-way (a full disk) leaves neither.
  return db.transaction('rw', db.threads, db.accounts, db.messages, db.pendingRecompute, async () => {
    const stored = await db.threads.bulkGet(threads.map((t): [string, string] => [t.account, t.threadId]));
    // A list can show an older state than one already stored (a stale tab): keep the newest.
    const newer = threads.filter((t, i) => (stored[i]?.lastActivityAt ?? 0) <= t.lastActivityAt);
    await db.threads.bulkPut(newer);
    const threadRefs = [...new Set(newer.flatMap((t) => t.clientRefs))];
    await markPending(db, page.account, threadRefs);
    await touchAccount(db, page, { listHealth: page.health });
    const result = await ingestMessages(db, page.account, observations, refsOf);
    return new Set([...result.touchedClientRefs, ...threadRefs]);
  });
}

/** Stores the messages an opened conversation showed, each with its sender, recipients and time. */
export async function storeConversation(
  db: KeepwarmDb,
  conversation: ConversationRecord,
  page: PageContext,
): Promise<Set<string>> {
  const threadId = conversation.threadId;
  if (!threadId) {
    await db.transaction('rw', db.accounts, () => touchAccount(db, page, { conversationHealth: page.health }));
    return new Set();
  }
  const observations: MessageObservation[] = [];
  const mine = new Set(page.identity.addresses);
  // Gmail shows no recipients on a collapsed message; one of the user's with
  // none went to the thread's other participants, as far as the page tells.
  const counterparts = new Map<string, MailAddress>();
  for (const message of conversation.messages) {
    for (const party of [message.from, ...message.to]) {
      const address = party && toAddress(party);
      if (address && !mine.has(address.email)) counterparts.set(address.email, address);
    }
  }
  for (const message of conversation.messages) {
    const at = message.at ?? (message.dateTitle ? page.parseTitle(message.dateTitle) : undefined);
    // A just-sent reply has no Gmail id yet; it is stored when Gmail shows it with one.
    if (!message.messageId || !message.from || at === undefined) continue;
    observations.push({
      id: message.messageId,
      threadId,
      at,
      from: toAddress(message.from),
      to:
        message.to.length === 0 && mine.has(toAddress(message.from).email)
          ? [...counterparts.values()]
          : message.to.map(toAddress),
      cc: [],
      subject: conversation.subject,
      snippet: '',
      source: 'conversation',
      senderKnown: true,
      timeExact: message.timeSource === 'id',
    });
  }
  return db.transaction('rw', db.accounts, db.messages, db.pendingRecompute, async () => {
    await touchAccount(db, page, { conversationHealth: page.health });
    const result = await ingestMessages(db, page.account, observations, clientRefsFor(page.account, page.identity));
    return result.touchedClientRefs;
  });
}
