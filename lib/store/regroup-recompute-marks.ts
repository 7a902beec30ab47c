import type { Transaction } from 'dexie';
import type { PendingRecompute, RecomputeMark } from '@/lib/data/stored-rows';
import { marksOfClientRows } from './pending-recompute';

/**
 * The upgrade to schema v6: the clients still waiting for a recompute, a row
 * each before, become marks of many clients each, so a worker that stopped
 * before the upgrade still recomputes every one of them.
 */
export async function regroupRecomputeMarks(tx: Transaction): Promise<void> {
  const rows = await tx.table<PendingRecompute>('pendingRecompute').toArray();
  await tx.table<RecomputeMark, number>('recomputeMarks').bulkAdd(marksOfClientRows(rows));
}
