import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeepwarmDb } from '@/lib/store/db';
import { ingestMessages } from '@/lib/store/ingest';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { ME } from '../engine/mail-builders';
import { mixedSightings, refsOf } from './mixed-sightings';

// What an ingest stores must not depend on how the mail was cut into batches,
// nor on how the store writes it: the same records and the same clients left
// to recompute, whether a sighting came alone, in a small batch or all at once.

const NOW = Date.UTC(2026, 10, 20, 12);
const sightings = mixedSightings(60, 3000, NOW);
// The stored records of this mailbox as the ingest of one row per client and mark (schema v5) wrote them.
const STORED_DIGEST = '16024bd15c17106d654629e8cefcfa9bc2a91e7d85a0ba40599d56bf82488fdf';

let names = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function ingestInBatches(batch: number) {
  const db = openKeepwarmDb(`ingest-batches-${++names}`);
  opened.push(db);
  const touched = new Set<string>();
  let added = 0;
  for (let i = 0; i < sightings.length; i += batch) {
    const result = await ingestMessages(db, ME, sightings.slice(i, i + batch), refsOf);
    for (const ref of result.touchedClientRefs) touched.add(ref);
    added += result.added;
  }
  const messages = await db.messages.toArray();
  return { messages, touched, added, marked: markedRefs(await pendingOf(db, ME)) };
}

describe('ingest in batches', () => {
  it('stores the same records and marks the same clients however the mail is batched', async () => {
    const whole = await ingestInBatches(sightings.length);
    expect(whole.messages.length).toBe(3000);
    expect(whole.messages.some((m) => m.snippet.startsWith('Opened:'))).toBe(true);
    expect(whole.messages.some((m) => m.id.startsWith('dated:'))).toBe(false);
    const stored = new Set(whole.messages.flatMap((m) => m.clientRefs));
    expect(whole.marked).toEqual(stored);
    expect(whole.touched).toEqual(stored);
    const digest = createHash('sha256').update(JSON.stringify(whole.messages)).digest('hex');
    expect(digest).toBe(STORED_DIGEST);
    for (const batch of [1, 7, 1000]) {
      const batched = await ingestInBatches(batch);
      expect(batched.messages, `batches of ${batch}`).toEqual(whole.messages);
      expect(batched.marked, `batches of ${batch}`).toEqual(stored);
      expect(batched.touched, `batches of ${batch}`).toEqual(stored);
    }
  });
});
