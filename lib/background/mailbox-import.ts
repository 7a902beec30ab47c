import type { AccountIdentity, MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { clientRefsFor } from './identity';

export interface ImportBatch {
  account: string;
  messages: MailMessage[];
}

export interface StoredImportBatch {
  added: number;
  updated: number;
  unchanged: number;
  clientKeys: string[];
  /** `<account>|<key>` of every client whose history changed: what to recompute. */
  touched: Set<string>;
}

/**
 * Stores one batch of a mailbox import through the same ingest as Gmail's
 * pages, so a message both imported and seen in Gmail is one record (same
 * Gmail thread id, same sender, Date within the ingest's window), and a batch
 * stored twice changes nothing. Resolves only once the batch is written.
 */
export async function storeImportBatch(
  db: KeepwarmDb,
  batch: ImportBatch,
  now: number,
  identity: AccountIdentity,
): Promise<StoredImportBatch> {
  const { account } = batch;
  const refsOf = clientRefsFor(account, identity);
  const observations: MessageObservation[] = batch.messages.map((message) => ({
    ...message,
    source: 'import',
    senderKnown: true,
    // A Date header is the sender's clock: a time read from Gmail's ids wins over it.
    timeExact: false,
  }));
  // One transaction: a batch refused half-way (a full disk) leaves no account row or message behind.
  const result = await db.transaction('rw', db.accounts, db.messages, db.pendingRecompute, async () => {
    // The account must exist for the recompute to keep its fitted model and for the periodic refresh.
    if (!(await db.accounts.get(account))) {
      await db.accounts.put({ address: account, accountPath: '', firstSeenAt: now, lastSeenAt: now });
    }
    return ingestMessages(db, account, observations, refsOf);
  });
  const clientKeys = new Set<string>();
  for (const message of batch.messages) {
    for (const ref of refsOf(message)) clientKeys.add(ref.slice(account.length + 1));
  }
  return {
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    clientKeys: [...clientKeys],
    touched: result.touchedClientRefs,
  };
}
