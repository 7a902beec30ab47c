import type { PendingRecompute, RecomputeMark } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from './db';

// A change of history marks every client it touched in one row, not a row per
// client: a batch of imported mail touches hundreds of clients, and a row each
// cost the import almost a third again of writing the mail itself.

/**
 * Marks clients whose report is out of date. Call it inside the transaction
 * that changed their history, so the mark and the change land together.
 */
export async function markPending(db: KeepwarmDb, account: string, refs: Iterable<string>): Promise<void> {
  const marked = [...new Set(refs)];
  if (marked.length === 0) return;
  await db.recomputeMarks.add({ account, refs: marked, markedAt: Date.now() });
}

export function pendingOf(db: KeepwarmDb, account?: string): Promise<RecomputeMark[]> {
  return account === undefined
    ? db.recomputeMarks.toArray()
    : db.recomputeMarks.where('account').equals(account).toArray();
}

/** Every client the marks name, once each. */
export function markedRefs(marks: readonly RecomputeMark[]): Set<string> {
  const refs = new Set<string>();
  for (const mark of marks) for (const ref of mark.refs) refs.add(ref);
  return refs;
}

/**
 * Clears what a recompute handled: from the marks it read, the clients it
 * recomputed (`refs`; all of them when not given). A mark written while it ran
 * is another row, so it stays.
 */
export async function clearPending(
  db: KeepwarmDb,
  handled: readonly RecomputeMark[],
  refs?: ReadonlySet<string>,
): Promise<void> {
  const ids = handled.flatMap((mark) => mark.id ?? []);
  await db.transaction('rw', db.recomputeMarks, async () => {
    if (!refs) {
      await db.recomputeMarks.bulkDelete(ids);
      return;
    }
    const gone: number[] = [];
    const kept: RecomputeMark[] = [];
    // Read again: another recompute may have cleared some of the same marks meanwhile.
    for (const mark of await db.recomputeMarks.bulkGet(ids)) {
      if (mark?.id === undefined) continue;
      const left = mark.refs.filter((ref) => !refs.has(ref));
      if (left.length === 0) gone.push(mark.id);
      else if (left.length < mark.refs.length) kept.push({ ...mark, refs: left });
    }
    await db.recomputeMarks.bulkDelete(gone);
    await db.recomputeMarks.bulkPut(kept);
  });
}

/** The marks of schema v5 and before (a row per client), one row per account and moment they were marked. */
export function marksOfClientRows(rows: readonly PendingRecompute[]): RecomputeMark[] {
  const marks = new Map<string, RecomputeMark>();
  for (const { ref, account, markedAt } of rows) {
    const key = JSON.stringify([account, markedAt]);
    const mark = marks.get(key);
    if (mark) mark.refs.push(ref);
    else marks.set(key, { account, refs: [ref], markedAt });
  }
  return [...marks.values()];
}
