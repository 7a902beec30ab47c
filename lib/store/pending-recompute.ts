import type { PendingRecompute } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from './db';

// A mark says a client's report is out of date. A recompute claims the marks
// it is about to handle before it reads any history, and clears them when done
// unless they were marked again meanwhile (a new `markedAt`). A mark no
// recompute has claimed yet needs no new write when the client changes again:
// whichever recompute claims it later reads the newer history too. An ingest
// of a large mailbox in batches touches the same clients batch after batch, and
// each write is one more request to the database.

/** Fewer refs than this are marked without reading the marks already there: the read would cost more than it spares. */
const READ_MARKS_FROM = 32;

/**
 * Marks clients whose report is out of date. Call it inside the transaction
 * that changed their history, so the mark and the change land together.
 */
export async function markPending(db: KeepwarmDb, account: string, refs: Iterable<string>): Promise<void> {
  const markedAt = Date.now();
  let toMark = [...refs];
  if (toMark.length >= READ_MARKS_FROM) {
    const waiting = new Set(
      (await pendingOf(db, account)).filter((mark) => mark.claimed !== true).map((mark) => mark.ref),
    );
    toMark = toMark.filter((ref) => !waiting.has(ref));
  }
  await db.pendingRecompute.bulkPut(toMark.map((ref) => ({ ref, account, markedAt })));
}

export function pendingOf(db: KeepwarmDb, account?: string): Promise<PendingRecompute[]> {
  return account === undefined
    ? db.pendingRecompute.toArray()
    : db.pendingRecompute.where('account').equals(account).toArray();
}

/**
 * The account's marks (those of `refs` only, when given), claimed by a
 * recompute that reads the history after this: a change after the claim marks
 * the client again, so clearPending leaves that mark.
 */
export async function claimPending(
  db: KeepwarmDb,
  account: string,
  refs?: ReadonlySet<string>,
): Promise<PendingRecompute[]> {
  return db.transaction('rw', db.pendingRecompute, async () => {
    const marks = (await pendingOf(db, account)).filter((mark) => refs === undefined || refs.has(mark.ref));
    const unclaimed = marks.filter((mark) => mark.claimed !== true);
    await db.pendingRecompute.bulkPut(unclaimed.map((mark) => ({ ...mark, claimed: true })));
    return marks;
  });
}

/** Clears the marks a recompute handled, but not a mark set again while it ran. */
export async function clearPending(db: KeepwarmDb, handled: readonly PendingRecompute[]): Promise<void> {
  await db.transaction('rw', db.pendingRecompute, async () => {
    const now = await db.pendingRecompute.bulkGet(handled.map((p) => p.ref));
    const unchanged = handled.filter((p, i) => now[i]?.markedAt === p.markedAt).map((p) => p.ref);
    await db.pendingRecompute.bulkDelete(unchanged);
  });
}
