import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeepwarmDb } from '@/lib/store/db';
import { claimPending, clearPending, markPending, pendingOf } from '@/lib/store/pending-recompute';
import { freshDbPerTest } from './fresh-db';

const ACCOUNT = 'olena@brightpath.studio';
const refs = (count: number) => Array.from({ length: count }, (_, i) => `${ACCOUNT}|client${i}.example`);

let db: KeepwarmDb;
freshDbPerTest('pending-test', (fresh) => {
  db = fresh;
});
afterEach(() => vi.useRealTimers());

/** Marks as an ingest does: inside the transaction that stores the change. */
function mark(list: string[]) {
  return db.transaction('rw', db.pendingRecompute, () => markPending(db, ACCOUNT, list));
}

describe('pending recompute marks', () => {
  it('leaves a mark no recompute has claimed as it is when a large change touches the client again', async () => {
    vi.useFakeTimers({ now: 1000, toFake: ['Date'] });
    await mark(refs(40));
    vi.setSystemTime(2000);
    await mark(refs(50));
    const marks = await pendingOf(db, ACCOUNT);
    expect(marks).toHaveLength(50);
    expect(marks.filter((m) => m.markedAt === 1000)).toHaveLength(40);
    // The recompute that claims them reads the history of both changes, and clears every one.
    const claimed = await claimPending(db, ACCOUNT);
    await clearPending(db, claimed);
    expect(await pendingOf(db, ACCOUNT)).toEqual([]);
  });

  it('keeps the mark of a client changed after a recompute claimed it', async () => {
    vi.useFakeTimers({ now: 1000, toFake: ['Date'] });
    await mark(refs(40));
    const claimed = await claimPending(db, ACCOUNT);
    expect(claimed).toHaveLength(40);
    expect((await pendingOf(db, ACCOUNT)).every((m) => m.claimed === true)).toBe(true);
    // A batch lands while the recompute reads: its clients are marked again, unclaimed.
    vi.setSystemTime(2000);
    await mark(refs(40).slice(0, 35));
    await clearPending(db, claimed);
    const left = await pendingOf(db, ACCOUNT);
    expect(left.map((m) => m.ref).sort()).toEqual(refs(40).slice(0, 35).sort());
    expect(left.every((m) => m.markedAt === 2000 && m.claimed === undefined)).toBe(true);
  });

  it('marks a few clients again without reading, and claims only the refs asked for', async () => {
    vi.useFakeTimers({ now: 1000, toFake: ['Date'] });
    await mark(refs(3));
    vi.setSystemTime(2000);
    await mark(refs(2));
    expect((await pendingOf(db, ACCOUNT)).map((m) => m.markedAt)).toEqual([2000, 2000, 1000]);
    const claimed = await claimPending(db, ACCOUNT, new Set(refs(1)));
    expect(claimed.map((m) => m.ref)).toEqual(refs(1));
    expect((await pendingOf(db, ACCOUNT)).filter((m) => m.claimed)).toHaveLength(1);
  });
});
