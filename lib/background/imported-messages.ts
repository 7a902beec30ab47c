import Dexie from 'dexie';
import type { StoredAccount } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';

/**
 * How many messages the imports stored for an account. Kept on the account as
 * batches are stored; an account imported before it was kept has its messages
 * counted instead, which walks the whole index: slow on a large mailbox, and
 * needed only until its next import.
 */
export async function importedMessagesOf(db: KeepwarmDb, account: StoredAccount): Promise<number> {
  if (account.importedMessages !== undefined) return account.importedMessages;
  return db.messages
    .where('[account+at]')
    .between([account.address, Dexie.minKey], [account.address, Dexie.maxKey])
    .count();
}
