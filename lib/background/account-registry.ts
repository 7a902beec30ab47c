import { storage } from '#imports';
import type { GmailAccountSeen } from '@/lib/features/status/messages';

// The Gmail accounts the user has opened, kept in extension storage so the
// popup can tell "open Gmail to start" from "watching these accounts" even
// after the service worker was stopped and restarted.
const accountsItem = storage.defineItem<GmailAccountSeen[]>('local:gmailAccounts', { fallback: [] });

export async function recordAccountSeen(seen: GmailAccountSeen): Promise<number> {
  const accounts = await accountsItem.getValue();
  const others = accounts.filter((a) => a.accountPath !== seen.accountPath);
  const previous = accounts.find((a) => a.accountPath === seen.accountPath);
  const merged: GmailAccountSeen = { ...seen, address: seen.address ?? previous?.address };
  const next = [...others, merged].sort((a, b) => a.accountPath.localeCompare(b.accountPath));
  await accountsItem.setValue(next);
  return next.length;
}

export function listAccounts(): Promise<GmailAccountSeen[]> {
  return accountsItem.getValue();
}

/** Forgets one account, or every account, when the user deletes its data. */
export async function forgetAccounts(address?: string): Promise<void> {
  const accounts = await accountsItem.getValue();
  await accountsItem.setValue(address === undefined ? [] : accounts.filter((a) => a.address !== address));
}
