import type { StoredAccount } from '@/lib/data/stored-rows';

/** An account whose data may be incomplete, and which of its Gmail views read badly. */
export interface IncompleteAccount {
  address: string;
  /** `list`: its last thread list; `conversation`: its last opened conversation. */
  views: ('list' | 'conversation')[];
}

/**
 * The accounts whose last Gmail list or conversation could not be read well
 * (Gmail changed its page): their risks may rest on part of the mail, and the
 * popup and side panel say so, naming the view that failed, rather than let
 * them pass as complete.
 */
export function incompleteAccounts(accounts: readonly StoredAccount[]): IncompleteAccount[] {
  return accounts.flatMap((account) => {
    const views: IncompleteAccount['views'] = [];
    if (account.listHealth?.healthy === false) views.push('list');
    if (account.conversationHealth?.healthy === false) views.push('conversation');
    return views.length > 0 ? [{ address: account.address, views }] : [];
  });
}
