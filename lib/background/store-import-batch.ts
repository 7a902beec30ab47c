import { clientRefsFor } from '@/lib/engine/account-identity';
import type { AccountIdentity, MailMessage } from '@/lib/engine/types';
import type { ThreadMove } from '@/lib/mail-import/mailbox-batches';
import type { KeepwarmDb } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { markPending } from '@/lib/store/pending-recompute';
import { storedCopyIds } from './import-copies';
import { importedMessagesOf } from './imported-messages';

export interface ImportBatch {
  account: string;
  /** `copyKey`: see ImportedMailMessage; a message without one is never taken for a copy. */
  messages: (MailMessage & { copyKey?: string })[];
  /** Imported threads stored earlier that turned out to be part of another, in order. */
  moves?: readonly ThreadMove[];
}

export interface StoredImportBatch {
  added: number;
  updated: number;
  unchanged: number;
  /** Copies of messages stored earlier under another id: merged into those, not stored again. */
  duplicates: number;
  clientKeys: string[];
  /** `<account>|<key>` of every client whose history changed: what to recompute. */
  touched: Set<string>;
}

/**
 * Stores one batch of a mailbox import through the same ingest as Gmail's
 * pages, so a message both imported and seen in Gmail is one record (same
 * Gmail thread id, same sender, Date within the ingest's window), and a batch
 * stored twice changes nothing. A copy of a message an earlier import stored
 * under another Message-ID (one folder imported, then the whole mailbox) is
 * merged into it, as one import merges such copies. Resolves only once the
 * batch is written.
 */
export async function storeImportBatch(
  db: KeepwarmDb,
  batch: ImportBatch,
  now: number,
  identity: AccountIdentity,
): Promise<StoredImportBatch> {
  const { account } = batch;
  const refsOf = clientRefsFor(account, identity);
  // One transaction: a batch refused half-way (a full disk) leaves no account row or message behind.
  const result = await db.transaction('rw', db.accounts, db.messages, db.recomputeMarks, async () => {
    // The account must exist for the recompute to keep its fitted model and for the periodic refresh.
    // Where it sits in Gmail's URL is learnt only when Gmail is opened on it.
    const existing = await db.accounts.get(account);
    const importedBefore = existing?.importedAt === undefined ? 0 : await importedMessagesOf(db, existing);
    if (existing) await db.accounts.update(account, { importedAt: now });
    else await db.accounts.put({ address: account, firstSeenAt: now, lastSeenAt: now, importedAt: now });
    const copies = await storedCopyIds(db, account, batch.messages);
    const observations: MessageObservation[] = batch.messages.map((message) => ({
      ...message,
      // Under the stored copy's id, the ingest merges it into that record as it would a second sighting.
      id: copies.get(message.id) ?? message.id,
      source: 'import',
      senderKnown: true,
      // A Date header is the sender's clock: a time read from Gmail's ids wins over it.
      timeExact: false,
    }));
    const ingested = await ingestMessages(db, account, observations, refsOf);
    if (batch.moves?.length) {
      for (const ref of await moveThreads(db, account, batch.moves)) ingested.touchedClientRefs.add(ref);
    }
    await db.accounts.update(account, { importedMessages: importedBefore + ingested.added });
    return { ...ingested, duplicates: copies.size };
  });
  const clientKeys = new Set<string>();
  for (const message of batch.messages) {
    for (const ref of refsOf(message)) clientKeys.add(ref.slice(account.length + 1));
  }
  return {
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    duplicates: result.duplicates,
    clientKeys: [...clientKeys],
    touched: result.touchedClientRefs,
  };
}

/**
 * Re-homes the messages of imported threads that turned out to be part of
 * another: their thread id changes, nothing else, so nothing is counted twice.
 * Returns the client refs whose history changed, marked for recompute in the
 * same transaction.
 */
async function moveThreads(db: KeepwarmDb, account: string, moves: readonly ThreadMove[]): Promise<Set<string>> {
  const touched = new Set<string>();
  await db.transaction('rw', db.messages, db.recomputeMarks, async () => {
    for (const { from, to } of moves) {
      const moved = await db.messages.where('[account+threadId]').equals([account, from]).toArray();
      if (moved.length === 0) continue;
      await db.messages.bulkPut(moved.map((message) => ({ ...message, threadId: to })));
      for (const message of moved) for (const ref of message.clientRefs) touched.add(ref);
    }
    await markPending(db, account, touched);
  });
  return touched;
}
