import type { StoredAccount } from '@/lib/store/db';

/**
 * The accounts whose last Gmail list or conversation could not be read well
 * (Gmail changed its page): their risks may rest on part of the mail, and the
 * popup and side panel say so rather than let them pass as complete.
 */
export function incompleteAccounts(accounts: readonly StoredAccount[]): string[] {
  return accounts
    .filter((a) => a.listHealth?.healthy === false || a.conversationHealth?.healthy === false)
    .map((a) => a.address);
}
