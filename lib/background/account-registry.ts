import { storage } from '#imports';
import type { AccountStatus } from '@/lib/messaging/schemas';

// The Gmail accounts the user has opened, kept in extension storage so the
// popup can tell "open Gmail to start" from "watching these accounts" even
// after the service worker was stopped and restarted.
const accountsItem = storage.defineItem<AccountStatus[]>('local:gmailAccounts', { fallback: [] });

export async function recordAccountSeen(seen: AccountStatus): Promise<number> {
  const accounts = await accountsItem.getValue();
  const others = accounts.filter((a) => a.accountPath !== seen.accountPath);
  const previous = accounts.find((a) => a.accountPath === seen.accountPath);
  const merged: AccountStatus = { ...seen, address: seen.address ?? previous?.address };
  const next = [...others, merged].sort((a, b) => a.accountPath.localeCompare(b.accountPath));
  await accountsItem.setValue(next);
  return next.length;
}

export function listAccounts(): Promise<AccountStatus[]> {
  return accountsItem.getValue();
}

/** Forgets one account, or every account, when the user deletes its data. */
export async function forgetAccounts(address?: string): Promise<void> {
  const accounts = await accountsItem.getValue();
  await accountsItem.setValue(address === undefined ? [] : accounts.filter((a) => a.address !== address));
}
