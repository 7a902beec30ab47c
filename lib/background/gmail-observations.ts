import type { StoredAccount, StoredThread } from '@/lib/data/stored-rows';
import { clientRefsFor, participantRefs } from '@/lib/engine/account-identity';
import type { AccountIdentity, MailAddress } from '@/lib/engine/types';
import type { ConversationRecord, Health, Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import {
  type RowMessage,
  type RowReading,
  readRowMessages,
  showsReplyOutsideInbox,
} from '@/lib/sites/gmail/row-inference';
import { chooseOffset, type ReadTitleWall, voteOffsets } from '@/lib/sites/gmail/title-offset';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { type GmailView, readGmailView } from '@/lib/sites/gmail/view';
import type { KeepwarmDb } from '@/lib/store/db';
import { datedMessageId, ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { markPending } from '@/lib/store/pending-recompute';

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

/** The Gmail list a batch of rows was read from. */
export interface ListContext {
  view: GmailView;
  /** A date title's wall-clock time read as if it were UTC: the titles' own zone is learnt from the rows. */
  readTitleWall: ReadTitleWall;
}

/** The list a content script named by its URL hash, with titles read in the page's language. */
export function listContext(hash: string, pageLanguage: string, now: number): ListContext {
  return {
    view: readGmailView(new URL(`https://mail.google.com/mail/#${hash.replace(/^#/, '')}`)),
    readTitleWall: (title) => parseTitleTime(title, { timeZone: 'UTC', now, language: pageLanguage }),
  };
}

const toAddress = ({ email, name }: Participant) => ({ email, name });

function rowTime(row: ThreadRowRecord, page: PageContext): { at?: number; exact: boolean } {
  if (row.lastActivityAt !== undefined) return { at: row.lastActivityAt, exact: row.timeSource === 'id' };
  return { at: row.dateTitle ? page.parseTitle(row.dateTitle) : undefined, exact: false };
}

/** Records that a Gmail page of the account was seen now, with what that page taught about the account. */
export async function touchAccount(
  db: KeepwarmDb,
  page: Pick<PageContext, 'account' | 'accountPath' | 'now'>,
  fields: Partial<
    Pick<StoredAccount, 'listHealth' | 'conversationHealth' | 'dataHealth' | 'titleOffset' | 'repliesOutsideInboxAt'>
  >,
) {
  const existing = await db.accounts.get(page.account);
  await db.accounts.put({
    ...existing,
    address: page.account,
    accountPath: page.accountPath,
    firstSeenAt: existing?.firstSeenAt ?? page.now,
    lastSeenAt: page.now,
    ...fields,
  });
}

/** The observation of one message a row shows; its sender only where the row makes it certain. */
function rowObservation(
  row: ThreadRowRecord & { threadId: string },
  message: RowMessage,
  reading: RowReading,
  page: PageContext,
): MessageObservation {
  const { sender } = message;
  const mine = new Set(page.identity.addresses);
  const observation: MessageObservation = {
    id: message.id ?? datedMessageId(row.threadId, message.at),
    threadId: row.threadId,
    at: message.at,
    from: sender?.from ?? { email: '' },
    // Unknown sender: the thread's other people stand in as recipients, so the message is filed under their clients.
    to: sender?.to ?? row.participants.filter((p) => !p.isMe && !mine.has(p.email)).map(toAddress),
    cc: [],
    subject: row.subject,
    // The row's snippet is its newest message's text; a dated older message has none.
    snippet: message.id ? row.snippet : '',
    source: 'list',
    senderKnown: sender !== undefined,
    timeExact: message.timeExact,
  };
  if (sender) observation.senderEvidence = sender.evidence;
  // A category tab files the thread's mail from others as bulk; the user's own mail is not.
  if (reading.bulk && !(sender && mine.has(sender.from.email))) observation.bulk = reading.bulk;
  return observation;
}

/**
 * Stores what a Gmail list showed: each thread's activity and participants,
 * and its messages as far as the row tells (./row-inference: the newest one
 * by its id, a counterpart's by its date title, senders only where certain).
 * Without the list it came from, a row tells no sender. The offset the list's
 * titles are written in is learnt from the rows and kept on the account.
 * Returns the client refs the change touched.
 */
export async function storeThreadRows(
  db: KeepwarmDb,
  rows: ThreadRowRecord[],
  page: PageContext,
  list?: ListContext,
): Promise<Set<string>> {
  const refsOf = clientRefsFor(page.account, page.identity);
  const threads: StoredThread[] = [];
  for (const row of rows) {
    if (!row.threadId) continue;
    const { at } = rowTime(row, page);
    if (at === undefined) continue;
    const participants = row.participants.map(toAddress);
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
      clientRefs: participantRefs(refsOf, participants),
      seenAt: page.now,
    });
  }
  const votes = list && voteOffsets(rows, list.readTitleWall);
  // One transaction for threads and messages: a write refused half-way (a full disk) leaves neither.
  return db.transaction('rw', db.threads, db.accounts, db.messages, db.recomputeMarks, async () => {
    const account = await db.accounts.get(page.account);
    const context = list && {
      view: list.view,
      myAddresses: page.identity.addresses,
      titleOffset: votes && chooseOffset(votes, account?.titleOffset?.minutes),
      readTitleWall: list.readTitleWall,
    };
    const replySeen = context !== undefined && rows.some((row) => showsReplyOutsideInbox(row, context));
    const repliesLeaveInbox = replySeen || account?.repliesOutsideInboxAt !== undefined;
    const observations: MessageObservation[] = [];
    for (const row of rows) {
      const { threadId } = row;
      if (!threadId) continue;
      const reading: RowReading = context ? readRowMessages(row, { ...context, repliesLeaveInbox }) : { messages: [] };
      const { at, exact } = rowTime(row, page);
      // A row whose newest message has no time-coded id is still stored, with the time its title gives.
      if (reading.messages.length === 0 && row.lastMessageId && at !== undefined) {
        reading.messages.push({ id: row.lastMessageId, at, timeExact: exact });
      }
      for (const message of reading.messages) {
        observations.push(rowObservation({ ...row, threadId }, message, reading, page));
      }
    }
    const stored = await db.threads.bulkGet(threads.map((t): [string, string] => [t.account, t.threadId]));
    // A list can show an older state than one already stored (a stale tab): keep the newest.
    const newer = threads.filter((t, i) => (stored[i]?.lastActivityAt ?? 0) <= t.lastActivityAt);
    await db.threads.bulkPut(newer);
    const threadRefs = [...new Set(newer.flatMap((t) => t.clientRefs))];
    await markPending(db, page.account, threadRefs);
    const learnt = votes?.majority;
    await touchAccount(db, page, {
      listHealth: page.health,
      ...(learnt === undefined ? {} : { titleOffset: { minutes: learnt, learnedAt: page.now } }),
      ...(replySeen ? { repliesOutsideInboxAt: page.now } : {}),
    });
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
  return db.transaction('rw', db.accounts, db.messages, db.recomputeMarks, async () => {
    await touchAccount(db, page, { conversationHealth: page.health });
    const result = await ingestMessages(db, page.account, observations, clientRefsFor(page.account, page.identity));
    return result.touchedClientRefs;
  });
}
