// Bundled into a page by the ingest benchmark: the store's own ingest, the
// synthetic mailbox, and the same records written with raw IndexedDB calls.
import { clientRefsFor } from '@/lib/background/identity';
import { openKeepwarmDb, type StoredMessage } from '@/lib/store/db';
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
  /** Every record put in one transaction, client refs computed beforehand: the floor. */
  async rawPuts(observations: MessageObservation[]): Promise<number> {
    const refsOf = clientRefsFor(ME, identity);
    const records: StoredMessage[] = observations.map(({ timeExact: _, ...m }) => ({
      ...m,
      account: ME,
      clientRefs: refsOf(m).sort(),
    }));
    const name = `raw-${++run}`;
    const db = await openRaw(name);
    const start = performance.now();
    const tx = db.transaction('messages', 'readwrite');
    const store = tx.objectStore('messages');
    for (const record of records) store.put(record);
    await done(tx);
    const ms = performance.now() - start;
    db.close();
    await dropDatabase(name);
    return ms;
  },
  /** The product's ingest (dedupe lookups, merge, pending marks) in batches of `batch`. */
  async ingest(observations: MessageObservation[], batch: number): Promise<number> {
    const name = `ingest-${++run}`;
    const db = openKeepwarmDb(name);
    await db.open();
    const refsOf = clientRefsFor(ME, identity);
    const start = performance.now();
    let added = 0;
    for (let i = 0; i < observations.length; i += batch) {
      added += (await ingestMessages(db, ME, observations.slice(i, i + batch), refsOf)).added;
    }
    const ms = performance.now() - start;
    if (added !== observations.length) throw new Error(`ingest stored ${added} of ${observations.length}`);
    db.close();
    await dropDatabase(name);
    return ms;
  },
};

Object.assign(globalThis, { keepwarmIngestBench: api });
export type IngestBenchApi = typeof api;
