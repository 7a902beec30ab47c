// Reading the clients set aside as automated or bulk mail for the side panel
// and the options page, most recent first, and the click that includes one.

import type { StoredSetAside } from '@/lib/data/stored-rows';
import { sendToBackground } from '@/lib/messaging/send';
import type { KeepwarmDb } from '@/lib/store/db';

/** The `limit` most recent over every account (all when absent), and how many there are. */
export async function readSetAside(
  db: KeepwarmDb,
  limit?: number,
): Promise<{ entries: StoredSetAside[]; total: number }> {
  const accounts = await db.accounts.toCollection().primaryKeys();
  const perAccount = await Promise.all(
    accounts.map((account) => {
      const newest = db.setAside.where('[account+lastAt]').between([account, -Infinity], [account, Infinity]).reverse();
      return limit === undefined ? newest.toArray() : newest.limit(limit).toArray();
    }),
  );
  const entries = perAccount.flat().sort((a, b) => b.lastAt - a.lastAt || (a.key < b.key ? -1 : 1));
  const total = limit === undefined ? entries.length : await db.setAside.count();
  return { entries: limit === undefined ? entries : entries.slice(0, limit), total };
}

/** Entries whose key, name, or one of whose senders' addresses or names hold every word of the query. */
export function searchSetAside(entries: readonly StoredSetAside[], query: string): StoredSetAside[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [entry.key, entry.name, entry.account, ...entry.senders.flatMap((s) => [s.address, s.name])]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The user's "this is a client": a correction the background accepts from Keepwarm's own pages only. */
export async function includeClient(account: string, clientKey: string): Promise<void> {
  await sendToBackground({ type: 'ui/set-client-override', account, clientKey, override: { include: true } });
}
