import type { MailAddress, MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb, MessageSource, StoredMessage } from './db';
import { markPending } from './pending-recompute';

/** One message as a page or an import saw it, before it meets what is stored. */
export interface MessageObservation extends MailMessage {
  source: MessageSource;
  senderKnown: boolean;
  /** `true` when the time came from Gmail's id (exact to the ms), `false` from a title (to the minute). */
  timeExact: boolean;
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

/** Merges two sightings of one message: the richer source wins each field, nothing known is dropped. */
export function mergeMessage(stored: StoredMessage, seen: StoredMessage, timeExact: boolean): StoredMessage {
  const richer = SOURCE_RANK[seen.source] >= SOURCE_RANK[stored.source] ? seen : stored;
  const other = richer === seen ? stored : seen;
  const senderKnown = stored.senderKnown || seen.senderKnown;
  const copyKey = richer.copyKey ?? other.copyKey;
  return {
    ...richer,
    ...(copyKey ? { copyKey } : {}),
    // The stored key wins so the record is updated in place, never duplicated.
    id: stored.id,
    at: timeExact ? seen.at : stored.at,
    from: richer.senderKnown || !other.senderKnown ? richer.from : other.from,
    senderKnown,
    to: unionAddresses(richer.to, other.to),
    cc: unionAddresses(richer.cc, other.cc),
    subject: richer.subject || other.subject,
    snippet: richer.snippet || other.snippet,
    clientRefs: [...new Set([...richer.clientRefs, ...other.clientRefs])].sort(),
  };
}

function sameMessage(stored: StoredMessage, seen: StoredMessage): boolean {
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
 * Stores observed messages once each, whatever order and however often they
 * arrive: by id first, then by (thread, sender, time) so that an imported copy
 * and the Gmail page's copy of one message become one record. Reads and writes
 * in bulk: one transaction, one read by id, one read by thread, one write.
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
  await db.transaction('rw', db.messages, db.pendingRecompute, async () => {
    // One cursor over the primary key instead of a get per id: on the ids a store
    // does not have yet (an import's usual case) it costs next to nothing.
    const storedById = new Map<string, StoredMessage>();
    const stored = await db.messages
      .where('[account+id]')
      .anyOf(observations.map((o): [string, string] => [account, o.id]))
      .toArray();
    for (const message of stored) storedById.set(message.id, message);
    const byId = observations.map((o) => storedById.get(o.id));
    const missThreads = [...new Set(observations.filter((_, i) => !byId[i]).map((o) => o.threadId))];
    const threadMessages = new Map<string, StoredMessage[]>();
    const inThreads = await db.messages
      .where('[account+threadId]')
      .anyOf(missThreads.map((t): [string, string] => [account, t]))
      .toArray();
    for (const message of inThreads) {
      threadMessages.set(message.threadId, [...(threadMessages.get(message.threadId) ?? []), message]);
    }
    const originals = new Map<string, StoredMessage>();
    const pending = new Map<string, StoredMessage>();
    observations.forEach(({ timeExact, ...observed }, i) => {
      const seen: StoredMessage = { ...observed, account, clientRefs: clientRefsOf(observed).sort() };
      const siblings = threadMessages.get(seen.threadId) ?? [];
      const found = pending.get(seen.id) ?? byId[i] ?? siblings.find((m) => sameMessage(m, seen));
      const existing = found ? (pending.get(found.id) ?? found) : undefined;
      if (existing && !originals.has(existing.id) && !pending.has(existing.id)) originals.set(existing.id, existing);
      const next = existing ? mergeMessage(existing, seen, timeExact) : seen;
      pending.set(next.id, next);
      if (!existing) threadMessages.set(next.threadId, [...siblings, next]);
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
    await db.messages.bulkPut(changed);
    await markPending(db, account, result.touchedClientRefs);
  });
  return result;
}
