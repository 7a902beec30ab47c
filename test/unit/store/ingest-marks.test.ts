import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { isQuotaError } from '@/lib/data/storage-problem';
import { openKeepwarmDb } from '@/lib/store/db';
import { ingestMessages } from '@/lib/store/ingest';
import { clearPending, markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { ME } from '../engine/mail-builders';
import { mixedSightings, refsOf } from './mixed-sightings';
import { quotaFaultPerTest } from './quota-fault';

// A worker can stop at any moment: between storing mail and recomputing, or in
// the middle of a batch. When it starts again, every client whose mail changed
// must still be marked for a recompute, and a batch never lands without its marks.

const NOW = Date.UTC(2026, 10, 20, 12);
const NAME = 'ingest-marks';
const sightings = mixedSightings(40, 1200, NOW);
const fault = quotaFaultPerTest();

afterEach(() => Dexie.delete(NAME));

/** The database as the next start of the worker opens it. */
async function restarted(db: Dexie) {
  db.close();
  const again = openKeepwarmDb(NAME);
  await again.open();
  return again;
}

const refsOfStored = (messages: { clientRefs: string[] }[]) => new Set(messages.flatMap((m) => m.clientRefs));

describe('recompute marks of an ingest', () => {
  it('name, after a stop, every client whose mail changed since its last recompute', async () => {
    let db = openKeepwarmDb(NAME);
    for (let i = 0; i < 600; i += 200) await ingestMessages(db, ME, sightings.slice(i, i + 200), refsOf);
    db = await restarted(db);
    const first = await db.messages.toArray();
    expect(markedRefs(await pendingOf(db, ME))).toEqual(refsOfStored(first));

    // A recompute of some clients clears theirs; the mail after it marks its own clients again.
    const marks = await pendingOf(db, ME);
    const recomputed = new Set([...markedRefs(marks)].slice(0, 10));
    await clearPending(db, marks, recomputed);
    const later = sightings.slice(600);
    const touched = new Set<string>();
    for (let i = 0; i < later.length; i += 200) {
      for (const ref of (await ingestMessages(db, ME, later.slice(i, i + 200), refsOf)).touchedClientRefs)
        touched.add(ref);
    }
    db = await restarted(db);
    const expected = new Set([...refsOfStored(first)].filter((ref) => !recomputed.has(ref) || touched.has(ref)));
    for (const ref of touched) expected.add(ref);
    expect(markedRefs(await pendingOf(db, ME))).toEqual(expected);
    db.close();
  });

  it('land with their batch or not at all: a batch refused at its mark leaves no mail behind', async () => {
    let db = openKeepwarmDb(NAME);
    await ingestMessages(db, ME, sightings.slice(0, 300), refsOf);
    const before = { messages: await db.messages.toArray(), marks: await pendingOf(db) };
    fault.arm({ store: 'recomputeMarks' });
    const error = await ingestMessages(db, ME, sightings.slice(300, 600), refsOf).then(
      () => undefined,
      (e: unknown) => e,
    );
    fault.disarm();
    expect(isQuotaError(error)).toBe(true);
    db = await restarted(db);
    expect(await db.messages.toArray()).toEqual(before.messages);
    expect(await pendingOf(db)).toEqual(before.marks);
    // Sent again, the batch stores its mail and marks its clients.
    await ingestMessages(db, ME, sightings.slice(300, 600), refsOf);
    expect(markedRefs(await pendingOf(db, ME))).toEqual(refsOfStored(await db.messages.toArray()));
    db.close();
  });
});
