import type { Page, Worker } from 'playwright-core';

// What the end-to-end tests do from inside the extension: send a message to the
// background as one of its pages or content scripts does, and count stored rows
// with the bare IndexedDB API, so no test depends on the code it checks.

type Chrome = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

/** Sends `message` to the background from `page`, and resolves with its answer. */
export function sendFrom(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), message);
}

/** Where to count: a whole store, or the rows of one key, of the store or of one of its indexes. */
export interface RowQuery {
  store: string;
  index?: string;
  key?: string;
}

/**
 * Rows of Keepwarm's database matching `query`, counted from an extension page
 * or the service worker; 0 for a store not created yet.
 */
export function countStored(target: Page | Worker, query: RowQuery): Promise<number> {
  // Page and Worker evaluate alike; their typings differ only in overloads.
  return (target as Worker).evaluate(
    ({ store, index, key }: RowQuery) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(0);
            return;
          }
          const source = db.transaction(store).objectStore(store);
          const request = (index === undefined ? source : source.index(index)).count(key);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    query,
  );
}
