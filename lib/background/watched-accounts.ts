import type { AccountStatus } from '@/lib/features/status/messages';
import type { KeepwarmDb } from '@/lib/store/db';
import { listAccounts } from './account-registry';
import { importedMessagesOf } from './imported-messages';

/**
 * The accounts Keepwarm watches: those Gmail pages showed, and those whose
 * mail was imported, even before Gmail is opened on them (an import-only
 * setup). An imported account says when, and how many messages its imports stored.
 */
export async function watchedAccounts(db: KeepwarmDb): Promise<AccountStatus[]> {
  const [seen, stored] = await Promise.all([listAccounts(), db.accounts.toArray()]);
  const imported = new Map<string, NonNullable<AccountStatus['imported']>>();
  for (const account of stored) {
    if (account.importedAt === undefined) continue;
    imported.set(account.address, { at: account.importedAt, messages: await importedMessagesOf(db, account) });
  }
  const watched: AccountStatus[] = seen.map((account) => {
    const facts = account.address === undefined ? undefined : imported.get(account.address);
    return facts ? { ...account, imported: facts } : account;
  });
  const shown = new Set(seen.map((account) => account.address));
  for (const [address, facts] of imported) {
    if (shown.has(address)) continue;
    watched.push({ address, lastSeenAt: facts.at, lastView: '', imported: facts });
  }
  return watched;
}
