// Bundled into a page by the ingest benchmark: the store's own ingest, the
// synthetic mailbox, and the same records written with raw IndexedDB calls.

import { recomputeAccount, recomputeClients } from '@/lib/background/recompute';
import type { StoredMessage } from '@/lib/data/stored-rows';
import { clientRefsFor } from '@/lib/engine/account-identity';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { identity, ME, syntheticMailbox } from '../unit/engine/mail-builders';

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });
}

/** The messages store as the Dexie schema declares it, opened with the bare IndexedDB API. */
async function openRaw(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore('messages', { keyPath: ['account', 'id'] });
    store.createIndex('[account+threadId]', ['account', 'threadId']);
    store.createIndex('[account+at]', ['account', 'at']);
    store.createIndex('clientRefs', 'clientRefs', { multiEntry: true });
  };
  await done(request);
  return request.result;
}

async function dropDatabase(name: string): Promise<void> {
  await done(indexedDB.deleteDatabase(name));
}

let run = 0;

// The database a timed step writes, opened before the step so that opening is not timed;
// the bench's browser context, and the database with it, goes after the step.
let rawDb: IDBDatabase | undefined;
let keepwarmDb: KeepwarmDb | undefined;
let prepared: { observations: MessageObservation[]; records: StoredMessage[] } | undefined;

function preparedInput() {
  if (!prepared) throw new Error('call prepare() first');
  return prepared;
}

const api = {
  /** Observations as an import hands them over: senders known, exact times. */
  observations(clients: number, messages: number, now: number): MessageObservation[] {
    return syntheticMailbox(clients, messages, now).map((m) => ({
      ...m,
      source: 'import',
      senderKnown: true,
      timeExact: true,
    }));
  },
  /**
   * Builds the mailbox in the page before a timed step, outside it: both the
   * observations and the records the raw puts write (client refs computed beforehand).
   */
  prepare(clients: number, messages: number, now: number): number {
    const observations = api.observations(clients, messages, now);
    const refsOf = clientRefsFor(ME, identity);
    const records: StoredMessage[] = observations.map(({ timeExact: _, ...m }) => ({
      ...m,
      account: ME,
      clientRefs: refsOf(m).sort(),
    }));
    prepared = { observations, records };
    return observations.length;
  },
  /** Opens a fresh database for the next timed step: the bare messages store, or Keepwarm's own. */
  async open(kind: 'raw' | 'ingest'): Promise<void> {
    const name = `${kind}-${++run}`;
    if (kind === 'raw') {
      rawDb = await openRaw(name);
    } else {
      keepwarmDb = openKeepwarmDb(name);
      await keepwarmDb.open();
    }
  },
  /** Every prepared record put in one transaction: the floor. */
  async rawPuts(): Promise<number> {
    if (!rawDb) throw new Error('call open("raw") first');
    const { records } = preparedInput();
    const start = performance.now();
    const tx = rawDb.transaction('messages', 'readwrite');
    const store = tx.objectStore('messages');
    for (const record of records) store.put(record);
    await done(tx);
    return performance.now() - start;
  },
  /** The product's ingest (dedupe lookups, merge, pending marks) of the prepared mail in batches of `batch`. */
  async ingest(batch: number): Promise<number> {
    if (!keepwarmDb) throw new Error('call open("ingest") first');
    const db = keepwarmDb;
    const { observations } = preparedInput();
    const refsOf = clientRefsFor(ME, identity);
    const start = performance.now();
    let added = 0;
    for (let i = 0; i < observations.length; i += batch) {
      added += (await ingestMessages(db, ME, observations.slice(i, i + batch), refsOf)).added;
    }
    const ms = performance.now() - start;
    if (added !== observations.length) throw new Error(`ingest stored ${added} of ${observations.length}`);
    return ms;
  },
  /**
   * A stored account of `messages` messages, then: reading them once, the full
   * recompute (which reads them itself), and the update after one new message.
   */
  async recompute(clients: number, messages: number, now: number, rounds: number) {
    const name = `recompute-${++run}`;
    const db = openKeepwarmDb(name);
    await db.open();
    const refsOf = clientRefsFor(ME, identity);
    await ingestMessages(db, ME, api.observations(clients, messages, now), refsOf);
    await db.accounts.put({ address: ME, accountPath: 'u/0', firstSeenAt: now, lastSeenAt: now });
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const read: number[] = [];
    const full: number[] = [];
    const incremental: number[] = [];
    let reports = 0;
    for (let round = 0; round < rounds; round++) {
      read.push(
        await time(() =>
          db.messages
            .where('[account+at]')
            .between([ME, Number.NEGATIVE_INFINITY], [ME, Number.POSITIVE_INFINITY])
            .toArray(),
        ),
      );
      full.push(await time(async () => (reports = (await recomputeAccount(db, ME, now)).length)));
      const at = now + round * 60_000;
      const fresh: MessageObservation = {
        id: `new-${round}`,
        threadId: `new-thread-${round}`,
        at,
        from: { email: 'contact0@client7.example' },
        to: [{ email: ME }],
        cc: [],
        subject: 'One more question',
        snippet: '',
        source: 'conversation',
        senderKnown: true,
        timeExact: true,
      };
      incremental.push(
        await time(async () => {
          const { touchedClientRefs } = await ingestMessages(db, ME, [fresh], refsOf);
          if ((await recomputeClients(db, ME, touchedClientRefs, at)) !== 'incremental') {
            throw new Error('one new message led to a full recompute');
          }
        }),
      );
    }
    db.close();
    await dropDatabase(name);
    return { reports, read, full, incremental };
  },
};

Object.assign(globalThis, { keepwarmIngestBench: api });
export type IngestBenchApi = typeof api;
