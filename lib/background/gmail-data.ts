import type { StoredThread } from '@/lib/data/stored-rows';
import { clientRefsFor, participantRefs } from '@/lib/engine/account-identity';
import type { AccountIdentity, BulkEvidence, MailAddress } from '@/lib/engine/types';
import type {
  GmailDataAddress,
  GmailDataHealth,
  GmailDataMessage,
  GmailDataThread,
} from '@/lib/sites/gmail/page-data/records';
import type { KeepwarmDb } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { markPending } from '@/lib/store/pending-recompute';
import { touchAccount } from './gmail-observations';

// Gmail's own thread data, as the content script read it in the page and the
// router validated it: every message with its id, sender, recipients and exact
// time. Stored like a conversation's messages, so the same message seen in a
// list row, an opened conversation and this data is one record.

export interface DataPageContext {
  /** The tab's own account: the data of any other never reaches this far. */
  account: string;
  identity: AccountIdentity;
  accountPath: string;
  health: GmailDataHealth;
  now: number;
}

// Gmail's system labels: unread, and drafts.
const UNREAD_LABEL = '^u';
const DRAFT_LABEL = '^r';

const toAddress = ({ email, name }: GmailDataAddress): MailAddress => ({ email, name });

/** Promotions, Social, Updates and Forums hold mail Gmail itself judged bulk; Primary says nothing. */
function bulkOf({ category }: GmailDataThread): BulkEvidence | undefined {
  return category && category !== 'primary' ? { kind: 'gmail-category', category } : undefined;
}

function participantsOf(messages: GmailDataMessage[]): MailAddress[] {
  const byEmail = new Map<string, MailAddress>();
  for (const message of messages) {
    for (const party of [message.from, ...message.to, ...message.cc]) {
      const known = byEmail.get(party.email);
      if (!known?.name) byEmail.set(party.email, toAddress(party));
    }
  }
  return [...byEmail.values()];
}

/**
 * A thread list names senders, not recipients. Where the thread has exactly one
 * counterpart, the user's messages in it went to that counterpart; anything
 * less certain stays unknown, for the thread's own data to say.
 */
function recipientsOf(message: GmailDataMessage, sent: GmailDataMessage[], mine: Set<string>): MailAddress[] {
  if (message.recipientsKnown !== false || !mine.has(message.from.email)) return message.to.map(toAddress);
  const counterparts = new Map<string, GmailDataAddress>();
  for (const other of sent) {
    for (const party of [other.from, ...other.to, ...other.cc]) {
      if (!mine.has(party.email)) counterparts.set(party.email, party);
    }
  }
  return counterparts.size === 1 ? [...counterparts.values()].map(toAddress) : [];
}

function observationsOf(thread: GmailDataThread, sent: GmailDataMessage[], mine: Set<string>): MessageObservation[] {
  const bulk = bulkOf(thread);
  return sent.map((message) => ({
    id: message.messageId,
    threadId: thread.threadId,
    at: message.at,
    from: toAddress(message.from),
    to: recipientsOf(message, sent, mine),
    cc: message.cc.map(toAddress),
    subject: thread.subject,
    snippet: message.snippet ?? '',
    ...(bulk ? { bulk } : {}),
    source: 'gmail-data',
    senderKnown: true,
    timeExact: true,
  }));
}

/** The thread as stored, with what an earlier list row or data payload knew and this one does not say. */
function threadOf(
  thread: GmailDataThread,
  sent: GmailDataMessage[],
  stored: StoredThread | undefined,
  refsOf: (participants: MailAddress[]) => string[],
  now: number,
): StoredThread | undefined {
  const newest = sent.reduce<GmailDataMessage | undefined>((a, m) => (a && a.at >= m.at ? a : m), undefined);
  const lastActivityAt = Math.max(thread.lastActivityAt ?? 0, newest?.at ?? 0);
  if (lastActivityAt === 0) return undefined;
  // A list can carry an older state than one already stored (a stale tab): keep the newest.
  if (stored && stored.lastActivityAt > lastActivityAt) return undefined;
  const participants = participantsOf(sent);
  for (const known of stored?.participants ?? []) {
    if (!participants.some((p) => p.email === known.email)) participants.push(known);
  }
  return {
    account: stored?.account ?? '',
    threadId: thread.threadId,
    subject: thread.subject || stored?.subject || '',
    snippet: newest?.snippet ?? stored?.snippet ?? '',
    lastActivityAt,
    lastMessageId: newest?.messageId ?? stored?.lastMessageId,
    participants,
    unread: thread.labels.includes(UNREAD_LABEL),
    // A thread list carries only some of a thread's messages: never count fewer than were seen.
    messageCount: Math.max(sent.length, stored?.messageCount ?? 0, 1),
    hasDraft: thread.labels.includes(DRAFT_LABEL) || thread.messages.some((m) => m.draft),
    clientRefs: refsOf(participants),
    seenAt: now,
  };
}

/**
 * Stores Gmail's data for the tab's account: each thread (subject, activity,
 * participants, count) and each message that is not a draft, exact; messages
 * of threads Gmail files under Promotions, Social, Updates or Forums carry
 * that as bulk evidence. Records the data's health on the account. One
 * transaction: a write refused half-way stores nothing. Returns the client
 * refs the change touched.
 */
export async function storeGmailData(
  db: KeepwarmDb,
  threads: GmailDataThread[],
  page: DataPageContext,
): Promise<Set<string>> {
  const messageRefsOf = clientRefsFor(page.account, page.identity);
  const refsOf = (participants: MailAddress[]) => participantRefs(messageRefsOf, participants);
  const sentOf = (thread: GmailDataThread) => thread.messages.filter((m) => !m.draft);
  const mine = new Set(page.identity.addresses);
  const observations = threads.flatMap((thread) => observationsOf(thread, sentOf(thread), mine));
  return db.transaction('rw', db.threads, db.accounts, db.messages, db.recomputeMarks, async () => {
    const stored = await db.threads.bulkGet(threads.map((t): [string, string] => [page.account, t.threadId]));
    // One batch can hold a thread twice (its list entry and its opened thread): each builds on the one before.
    const changed = new Map<string, StoredThread>();
    threads.forEach((thread, i) => {
      const record = threadOf(thread, sentOf(thread), changed.get(thread.threadId) ?? stored[i], refsOf, page.now);
      if (record) changed.set(thread.threadId, { ...record, account: page.account });
    });
    const next = [...changed.values()];
    await db.threads.bulkPut(next);
    const threadRefs = [...new Set(next.flatMap((t) => t.clientRefs))];
    await markPending(db, page.account, threadRefs);
    await touchAccount(db, page, { dataHealth: page.health });
    const result = await ingestMessages(db, page.account, observations, messageRefsOf);
    return new Set([...result.touchedClientRefs, ...threadRefs]);
  });
}
