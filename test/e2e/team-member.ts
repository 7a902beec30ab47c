import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ExtensionBrowser, grantOptionalHosts, launchWithExtension } from './chromium';

// A team member's browser in the end-to-end tests: a profile of its own with
// the team server's host granted, and a look at everything it stores.

/**
 * A profile with the extension installed and the team's host (`localhost`) granted, as after the
 * user's click in the options; its folder is added to `profiles`, for the caller to remove.
 */
export async function launchMember(profiles: string[], hosts: Record<string, number>): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'keepwarm-team-member-'));
  profiles.push(userDataDir);
  const first = await launchWithExtension({ hosts, userDataDir });
  const id = first.extensionId;
  await first.close();
  grantOptionalHosts(userDataDir, id, ['http://localhost/*']);
  return launchWithExtension({ hosts, userDataDir });
}

/** Every value of every IndexedDB database of the extension, binary values read as UTF-8 text. */
export function everythingStored(browser: ExtensionBrowser): Promise<string> {
  return browser.serviceWorker.evaluate(async () => {
    const parts: string[] = [];
    const text = (value: unknown): string =>
      value instanceof Uint8Array
        ? new TextDecoder().decode(value)
        : JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      // A database listed while it was being deleted would be created again,
      // empty and without its stores, by a plain open once the delete is done;
      // the extension's own later open would then find no stores. Abort instead.
      const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
      });
      if (!db) continue;
      for (const store of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${name}/${store}`, ...values.map(text));
      }
      db.close();
    }
    return parts.join('\n');
  });
}
