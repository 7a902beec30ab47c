import { deleteAccountData, deleteAllData, restoreBackup } from '@/lib/data/backup';
import { type Backup, checkBackup } from '@/lib/data/backup-format';
import type { KeepwarmDb } from '@/lib/store/db';
import { forgetAccounts, recordAccountSeen } from './account-registry';

export class BackupRefusedError extends Error {}

/**
 * Replaces everything with a backup. The accounts it holds become the watched
 * accounts again, so the popup knows them before Gmail is next opened.
 */
export async function importBackup(db: KeepwarmDb, backup: Backup): Promise<Record<string, number>> {
  // The message schema already parsed it; checked again so a caller that skipped the router is held to the same rule.
  const check = checkBackup(backup);
  if (!check.ok) throw new BackupRefusedError(`not a backup Keepwarm can import: ${check.problem.kind}`);
  const counts = await restoreBackup(db, check.backup);
  await forgetAccounts();
  for (const account of await db.accounts.toArray()) {
    // An account known only from an import has no place in Gmail yet; the status lists it from the store.
    if (account.accountPath === undefined) continue;
    await recordAccountSeen({
      accountPath: account.accountPath,
      address: account.address,
      lastSeenAt: account.lastSeenAt,
      lastView: '',
    });
  }
  return counts;
}

export async function eraseAllData(db: KeepwarmDb): Promise<void> {
  await deleteAllData(db);
  await forgetAccounts();
}

export async function eraseAccountData(db: KeepwarmDb, account: string): Promise<void> {
  await deleteAccountData(db, account);
  await forgetAccounts(account);
}
