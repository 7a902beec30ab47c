import type { KeepwarmDb } from '@/lib/store/db';
import type { MergeTargets } from './merge-targets';

/** The clients one client can be merged into, read from the database when the user starts a merge. */
export function mergeTargets(db: KeepwarmDb, account: string, clientKey: string): MergeTargets {
  return {
    async keys() {
      const keys = await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).primaryKeys();
      return keys.map(([, key]) => key).filter((key) => key !== clientKey);
    },
    async has(key) {
      if (key === clientKey) return false;
      return (await db.clients.where('[account+key]').equals([account, key]).count()) > 0;
    },
  };
}
