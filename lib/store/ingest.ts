import type { MessageSource, StoredMessage } from '@/lib/data/stored-rows';
import type { MailAddress, MailMessage } from '@/lib/engine/types';
import type { SenderEvidence } from '@/lib/sites/gmail/row-inference';
import { messagesWithAnyOf } from './batch-reads';
import type { KeepwarmDb } from './db';
import { markPending } from './pending-recompute';

/** One message as a page or an import saw it, before it meets what is stored. */
export interface MessageObservation extends MailMessage {
  source: MessageSource;
  senderKnown: boolean;
  /** `true` when the time came from Gmail's id (exact to the ms), `false` from a title (to the minute). */
  timeExact: boolean;
  /** Set when the sender was inferred from a list row: what it rests on. */
  senderEvidence?: SenderEvidence;
}

export interface IngestResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Every thread a change touched, so only those clients are recomputed. */
  touchedThreads: Set<string>;
  touchedClientRefs: Set<string>;
}

// A title time is only minute-precise, and an import's Date header is the
// sender's clock: the same message seen both ways lands within this window.
const SAME_MESSAGE_WINDOW_MS = 90_000;
// Gmail's own data is as exact as an opened conversation: the same ids, senders and times.
const SOURCE_RANK: Record<MessageSource, number> = { list: 0, import: 1, conversation: 2, 'gmail-data': 2 };

function unionAddresses(a: MailAddress[], b: MailAddress[]): MailAddress[] {
  const byEmail = new Map<string, MailAddress>();
  for (const address of [...a, ...b]) {
    const known = byEmail.get(address.email);
    byEmail.set(address.email, known?.name ? known : address);
  }
  return [...byEmail.values()];
}

// A message a list row's date title names has no Gmail id: it is stored under
// its thread and minute until a sighting with an id (and the same sender, in
// that minute) takes it in.
const DATED_PREFIX = 'dated:';
const MINUTE = 60_000;
const TOLERANCE_MS = 1000;

/** The key of a message known only by its thread and the minute a row's date title gives. */
export function datedMessageId(threadId: string, at: number): string {
  return `${DATED_PREFIX}${threadId}:${at}`;
}

export function isDatedId(id: string): boolean {
  return id.startsWith(DATED_PREFIX);
}

/** 2: the sender was read (a conversation, an import, Gmail's data); 1: inferred from a list row; 0: unknown. */
function senderCertainty(message: StoredMessage): number {
  if (!message.senderKnown) return 0;
  return message.senderEvidence ? 1 : 2;
}

/**
 * Merges two sightings of one message: the richer source wins each field,
 * nothing known is dropped. The surer sender wins: one read from a
 * conversation, an import or Gmail's data always replaces one inferred from a
 * list row, and then the recipients and clients inferred with it go too.
 */
export function mergeMessage(stored: StoredMessage, seen: StoredMessage, timeExact: boolean): StoredMessage {
  const richer = SOURCE_RANK[seen.source] >= SOURCE_RANK[stored.source] ? seen : stored;
  const other = richer === seen ? stored : seen;
  const seenCertainty = senderCertainty(seen);
  const storedCertainty = senderCertainty(stored);
  const sender = seenCertainty === storedCertainty ? richer : seenCertainty > storedCertainty ? seen : stored;
  const weaker = sender === seen ? stored : seen;
  // A list row's message of unknown sender lists the thread's people as its recipients: a stand-in, not what an inference says.
  const inferredRecipients = senderCertainty(sender) === 1 || senderCertainty(weaker) === 1;
  const copyKey = richer.copyKey ?? other.copyKey;
  const bulk = richer.bulk ?? other.bulk;
  const { senderEvidence: _evidence, ...fields } = richer;
  const merged: StoredMessage = {
    ...fields,
    ...(copyKey ? { copyKey } : {}),
    ...(bulk ? { bulk } : {}),
    // The stored key wins so the record is updated in place, never duplicated; a dated key gives way to an id.
    id: isDatedId(stored.id) && !isDatedId(seen.id) ? seen.id : stored.id,
    at: timeExact || isDatedId(stored.id) ? seen.at : stored.at,
    from: sender.from,
    senderKnown: sender.senderKnown,
    to: inferredRecipients ? sender.to : unionAddresses(richer.to, other.to),
    cc: unionAddresses(richer.cc, other.cc),
    subject: richer.subject || other.subject,
    snippet: richer.snippet || other.snippet,
    clientRefs:
      senderCertainty(sender) === 2 && senderCertainty(weaker) === 1
        ? [...sender.clientRefs].sort()
        : [...new Set([...richer.clientRefs, ...other.clientRefs])].sort(),
  };
  if (sender.senderEvidence) merged.senderEvidence = sender.senderEvidence;
  return merged;
}

/** A dated message and a sighting with an id are one when the thread, the sender and the minute agree. */
function sameDatedMessage(dated: StoredMessage, other: StoredMessage): boolean {
  if (isDatedId(other.id) || !dated.senderKnown || !other.senderKnown) return false;
  if (dated.from.email !== other.from.email) return false;
  return other.at >= dated.at - TOLERANCE_MS && other.at < dated.at + MINUTE + TOLERANCE_MS;
}

function sameMessage(stored: StoredMessage, seen: StoredMessage): boolean {
  if (isDatedId(stored.id)) return sameDatedMessage(stored, seen);
  if (isDatedId(seen.id)) return sameDatedMessage(seen, stored);
  // An import has already told its own messages apart (a burst of mails from one sender is several messages).
  if (stored.source === 'import' && seen.source === 'import') return false;
  if (Math.abs(stored.at - seen.at) > SAME_MESSAGE_WINDOW_MS) return false;
  if (!stored.senderKnown || !seen.senderKnown) return true;
  return stored.from.email === seen.from.email;
}

function isSame(a: StoredMessage, b: StoredMessage): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What is stored of a batch: the records with its ids, and every record of
 * the threads that may hold another sighting of its messages, by thread.
 */
async function readStored(db: KeepwarmDb, account: string, observations: MessageObservation[]) {
  // Both reads go out at once, each one request where the batch's keys lie close together (see batch-reads):
  // by id, and by thread for the messages with a sender, which may take in a dated copy or an imported one.
  const storedById = new Map<string, StoredMessage>();
  const senderThreads = new Set(observations.filter((o) => o.senderKnown).map((o) => o.threadId));
  const [stored, inSenderThreads] = await Promise.all([
    messagesWithAnyOf(
      db,
      '[account+id]',
      account,
      observations.map((o) => o.id),
    ),
    messagesWithAnyOf(db, '[account+threadId]', account, [...senderThreads]),
  ]);
  for (const message of stored) storedById.set(message.id, message);
  const byId = observations.map((o) => storedById.get(o.id));
  // The threads of the messages not found by id, and without a sender, are read once their ids are known.
  const otherThreads = new Set(
    observations.filter((o, i) => !byId[i] && !senderThreads.has(o.threadId)).map((o) => o.threadId),
  );
  const inOtherThreads = await messagesWithAnyOf(db, '[account+threadId]', account, [...otherThreads]);
  const threadMessages = new Map<string, StoredMessage[]>();
  for (const read of [...inSenderThreads, ...inOtherThreads]) {
    // One object per stored record, however it was read: it is how a record is told to be stored already.
    const message = storedById.get(read.id) ?? read;
    storedById.set(message.id, message);
    const siblings = threadMessages.get(message.threadId);
    if (siblings) siblings.push(message);
    else threadMessages.set(message.threadId, [message]);
  }
  return { storedById, byId, threadMessages };
}

/**
 * Stores observed messages once each, whatever order and however often they
 * arrive: by id first, then by (thread, sender, time) so that an imported copy
 * and the Gmail page's copy of one message become one record, and a message a
 * list row knew only by its date joins the sighting with its id. Reads and
 * writes in bulk: one transaction, one read by id beside one by thread, one
 * delete (of dated records merged away), one write.
 * The clients it touched are marked for recompute in the same transaction.
 */
export async function ingestMessages(
  db: KeepwarmDb,
  account: string,
  observations: MessageObservation[],
  clientRefsOf: (message: MailMessage) => string[],
): Promise<IngestResult> {
  const result: IngestResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    touchedThreads: new Set(),
    touchedClientRefs: new Set(),
  };
  await db.transaction('rw', db.messages, db.recomputeMarks, async () => {
    const { storedById, byId, threadMessages } = await readStored(db, account, observations);
    const originals = new Map<string, StoredMessage>();
    const pending = new Map<string, StoredMessage>();
    // Keys merged into another record in this batch: a dated key that met its id.
    const renamed = new Map<string, string>();
    const resolve = (id: string): string => {
      let current = id;
      for (let next = renamed.get(current); next !== undefined; next = renamed.get(current)) current = next;
      return current;
    };
    const latest = (m: StoredMessage) => pending.get(resolve(m.id)) ?? m;
    observations.forEach(({ timeExact, ...observed }, i) => {
      const seen: StoredMessage = { ...observed, account, clientRefs: clientRefsOf(observed).sort() };
      const siblings = (threadMessages.get(seen.threadId) ?? []).map(latest);
      const byKey = pending.get(resolve(seen.id)) ?? byId[i];
      const found = byKey ? latest(byKey) : siblings.find((m) => sameMessage(m, seen));
      let next = found ? mergeMessage(found, seen, timeExact) : seen;
      const merged = found ? [found] : [];
      // A message seen with its id and sender takes in the copy a row's date title named, if one is stored.
      const dated =
        !isDatedId(next.id) && next.senderKnown
          ? siblings.find((m) => m.id !== found?.id && isDatedId(m.id) && sameMessage(m, next))
          : undefined;
      if (dated) {
        next = mergeMessage(next, dated, false);
        merged.push(dated);
      }
      for (const old of merged) {
        if (storedById.get(old.id) === old && !originals.has(old.id)) originals.set(old.id, old);
        if (old.id === next.id) continue;
        pending.delete(old.id);
        renamed.set(old.id, next.id);
      }
      pending.set(next.id, next);
      if (!siblings.some((m) => m.id === next.id)) threadMessages.set(next.threadId, [...siblings, next]);
    });
    const changed: StoredMessage[] = [];
    for (const [id, next] of pending) {
      const original = originals.get(id);
      if (original && isSame(original, next)) {
        result.unchanged += 1;
        continue;
      }
      changed.push(next);
      if (original) result.updated += 1;
      else result.added += 1;
      result.touchedThreads.add(next.threadId);
      for (const ref of new Set([...next.clientRefs, ...(original?.clientRefs ?? [])]))
        result.touchedClientRefs.add(ref);
    }
    // A stored dated copy merged into a message with an id is gone: its clients are recomputed without it.
    const gone = [...renamed.keys()].flatMap((id) => originals.get(id) ?? []);
    for (const message of gone) {
      result.touchedThreads.add(message.threadId);
      for (const ref of message.clientRefs) result.touchedClientRefs.add(ref);
    }
    if (gone.length > 0) await db.messages.bulkDelete(gone.map((m): [string, string] => [account, m.id]));
    // Placed together, the writes and the mark wait for one another once, not each for the one before.
    await Promise.all([db.messages.bulkPut(changed), markPending(db, account, result.touchedClientRefs)]);
  });
  return result;
}
