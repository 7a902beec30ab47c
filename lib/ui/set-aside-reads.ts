// The clients set aside as automated or bulk mail, read for the side panel and
// the options page, most recent first.

import type { StoredSetAside } from '@/lib/data/stored-rows';
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
