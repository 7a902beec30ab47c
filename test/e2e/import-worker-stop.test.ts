import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// The browser may stop the extension's service worker while an import is
// storing batches. What it acknowledged must be stored once, nothing may be
// half-written, the user's follow-up decisions stay, and the import carries on
// (or says clearly what to do) so that importing again ends exactly where a
// clean import does.

const ROOT = path.resolve(import.meta.dirname, '../..');
const PERSON = path.resolve(ROOT, '../shared/data/email/enron-mbox/buy-r');
const ME = 'rick.buy@enron.com';

interface CliReport {
  counts: { read: number; imported: number };
  clients: { key: string }[];
}

interface Stored {
  messages: number;
  /** Message rows per `(thread, sender, time)`: more than one would be the same mail stored twice. */
  duplicates: number;
  clients: string[];
  pending: number;
  followUpStates: unknown[];
}

// Long enough for the background to have taken the batch, short of its having stored 500 messages.
const STORING_MS = 60;
// Three imports of a whole mailbox, two worker stops and their resends: on a slow shared machine this is minutes.
const TEST_TIMEOUT_MS = 300_000;

let browser: ExtensionBrowser;
let options: Page;
let cli: CliReport;

function report(): CliReport {
  return JSON.parse(
    execFileSync(process.execPath, [path.join(ROOT, 'lib/cli/keepwarm.mjs'), 'report', PERSON, '--me', ME, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
}

describe.skipIf(!existsSync(PERSON))('a service worker stopped in the middle of a mailbox import', () => {
  beforeAll(async () => {
    cli = report();
    browser = await launchWithExtension({ hosts: {} });
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** What is stored for the account, read with the bare IndexedDB API by the options page. */
  function stored(): Promise<Stored> {
    return options.evaluate(async (account) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const range = IDBKeyRange.bound([account, ''], [account, '\uffff']);
      const tx = db.transaction(['messages', 'clients', 'recomputeMarks', 'followUpStates'], 'readonly');
      const messages = tx.objectStore('messages').getAll(range);
      const clients = tx.objectStore('clients').getAllKeys(range);
      const pending = tx.objectStore('recomputeMarks').count();
      const followUps = tx.objectStore('followUpStates').getAll(range);
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
      const rows = messages.result as { threadId: string; from: { email: string }; at: number }[];
      const sightings = new Set(rows.map((m) => `${m.threadId}|${m.from.email}|${m.at}`));
      return {
        messages: rows.length,
        duplicates: rows.length - sightings.size,
        clients: (clients.result as [string, string][]).map(([, key]) => key).sort(),
        pending: pending.result,
        followUpStates: followUps.result,
      };
    }, ME);
  }

  async function importFolder() {
    await options.fill('[data-testid=import-me]', ME);
    await options.setInputFiles('[data-testid=import-folder]', PERSON);
    await options.click('[data-testid=import-start]');
  }

  const phase = () => options.getAttribute('[data-testid=import-progress]', 'data-phase');
  const acknowledged = async () =>
    Number((await options.textContent('[data-testid=import-stored]'))?.replace(/\D/g, '') ?? 0);

  async function stopServiceWorker() {
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  it(
    'keeps what was acknowledged, once, with the follow-up decisions; carries on; importing again gives the clean counts',
    async () => {
      // The user snoozed a nudge to one of the clients: a decision the import must never touch.
      const clientKey = cli.clients[0]?.key as string;
      await options.evaluate(
        async ({ account, clientKey }) => {
          const { chrome } = globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          };
          await chrome.runtime.sendMessage({
            type: 'ui/set-follow-up',
            account,
            clientKey,
            key: `nudge:${clientKey}:thread`,
            status: 'snoozed',
            snoozedUntil: Date.UTC(2030, 0, 1),
          });
        },
        { account: ME, clientKey },
      );
      await expect.poll(async () => (await stored()).followUpStates.length).toBe(1);
      const decisions = (await stored()).followUpStates;

      // The whole mailbox; the worker is stopped as the second batch is sent, before it is answered.
      await options.evaluate(() => {
        const scope = globalThis as unknown as {
          chrome: { runtime: { sendMessage(...args: unknown[]): unknown } };
          batchesSent: number;
        };
        const send = scope.chrome.runtime.sendMessage.bind(scope.chrome.runtime);
        scope.batchesSent = 0;
        scope.chrome.runtime.sendMessage = (...args: unknown[]) => {
          if ((args[0] as { type?: string }).type === 'ui/import-batch') scope.batchesSent += 1;
          return send(...args);
        };
      });
      await importFolder();
      await options.waitForFunction(
        () => (globalThis as unknown as { batchesSent: number }).batchesSent >= 2,
        undefined,
        {
          timeout: 120_000,
          polling: 'raf',
        },
      );
      const acknowledgedAtStop = await acknowledged();
      await stopServiceWorker();
      const atStop = await stored();
      expect(atStop.messages).toBeGreaterThanOrEqual(acknowledgedAtStop);
      expect(atStop.duplicates).toBe(0);

      // Once more while the third batch is being stored: its reply is lost and the page sends it again.
      await options.waitForFunction(
        () =>
          (globalThis as unknown as { batchesSent: number }).batchesSent >= 3 ||
          document.querySelector('[data-testid=import-progress]')?.getAttribute('data-phase') !== 'running',
        undefined,
        { timeout: 120_000, polling: 'raf' },
      );
      await options.waitForTimeout(STORING_MS);
      if ((await phase()) === 'running') await stopServiceWorker();

      // Carries on: the next batch wakes the worker again; it ends done, or says plainly what to do.
      await expect.poll(phase, { timeout: 120_000 }).toMatch(/^(done|failed)$/);
      if ((await phase()) === 'failed') {
        expect(await options.textContent('[data-testid=import-error]')).toMatch(/import the same files again/);
        await importFolder();
        await options.waitForSelector('[data-testid=import-progress][data-phase=done]', { timeout: 120_000 });
      }
      // The worker started again finishes every recompute it owed.
      await expect.poll(async () => (await stored()).pending, { timeout: 30_000 }).toBe(0);
      const afterStop = await stored();
      expect(afterStop.messages).toBe(cli.counts.imported);
      expect(afterStop.duplicates).toBe(0);
      await expect
        .poll(async () => (await stored()).clients, { timeout: 30_000 })
        .toEqual(cli.clients.map((c) => c.key).sort());
      expect(afterStop.followUpStates).toEqual(decisions);

      // Importing once more changes nothing: the clean import's counts exactly.
      await options.reload();
      await importFolder();
      await options.waitForSelector('[data-testid=import-progress][data-phase=done]', { timeout: 120_000 });
      await expect.poll(async () => (await stored()).pending, { timeout: 30_000 }).toBe(0);
      const again = await stored();
      expect(again).toEqual({ ...afterStop, pending: 0 });
    },
    TEST_TIMEOUT_MS,
  );
});
