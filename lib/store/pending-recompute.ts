import type { PendingRecompute } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from './db';

/**
 * Marks clients whose report is out of date. Call it inside the transaction
 * that changed their history, so the mark and the change land together.
 */
export async function markPending(db: KeepwarmDb, account: string, refs: Iterable<string>): Promise<void> {
  const markedAt = Date.now();
  await db.pendingRecompute.bulkPut([...refs].map((ref) => ({ ref, account, markedAt })));
}

export function pendingOf(db: KeepwarmDb, account?: string): Promise<PendingRecompute[]> {
  return account === undefined
    ? db.pendingRecompute.toArray()
    : db.pendingRecompute.where('account').equals(account).toArray();
}

/** Clears the marks a recompute handled, but not a mark set again while it ran. */
export async function clearPending(db: KeepwarmDb, handled: readonly PendingRecompute[]): Promise<void> {
  await db.transaction('rw', db.pendingRecompute, async () => {
    const now = await db.pendingRecompute.bulkGet(handled.map((p) => p.ref));
    const unchanged = handled.filter((p, i) => now[i]?.markedAt === p.markedAt).map((p) => p.ref);
    await db.pendingRecompute.bulkDelete(unchanged);
  });
}
