import type { StoredAccount } from '@/lib/data/stored-rows';
import { useDatabase } from '@/lib/ui/database';
import { type IncompleteAccount, incompleteAccounts } from './incomplete-accounts';
import { type LiveState, useLiveQuery } from './use-live-query';

/** The Gmail accounts Keepwarm holds history for, by address. */
export function useKnownAccounts(): LiveState<StoredAccount[]> {
  const db = useDatabase();
  return useLiveQuery(() => db.accounts.orderBy('address').toArray(), [db]);
}

/** The accounts whose data may be incomplete, with the views that read badly (see incompleteAccounts). */
export function useIncompleteAccounts(): IncompleteAccount[] {
  const accounts = useKnownAccounts();
  return accounts.kind === 'ready' ? incompleteAccounts(accounts.value) : [];
}
