import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recomputeAccount } from '@/lib/background/recompute';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { buildReport } from '@/lib/cli/commands/report';
import { accountIdentity } from '@/lib/engine/account-identity';
import { startMailboxImport } from '@/lib/features/mailbox-import/import-run';
import type { PickedFile } from '@/lib/mail-import/import-worker';
import type { KeepwarmDb } from '@/lib/store/db';
import { freshDbPerTest } from '../store/fresh-db';
import { FIXTURES } from './helpers';
import { inProcessWorker, pickFile, pickFolder } from './in-process-worker';

// The extension's import (worker → ui/import-batch → ingest → recompute) and
// `keepwarm report` on the same files and as-of date: one engine, one answer.

const ENRON = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-mbox/sager-e');

let db: KeepwarmDb;
freshDbPerTest('one-engine', (fresh) => {
  db = fresh;
});

async function importInExtension(files: PickedFile[], fromFolder: boolean, me: string, cancelAfter?: number) {
  let batches = 0;
  const handle = startMailboxImport({
    files,
    fromFolder,
    account: me,
    worker: inProcessWorker(),
    sendBatch: async (account, messages, moves) => {
      const { touched: _, ...reply } = await storeImportBatch(
        db,
        { account, messages, moves },
        0,
        accountIdentity(account),
      );
      batches += 1;
      if (batches === cancelAfter) handle.cancel();
      return reply;
    },
    sendEnded: async () => undefined,
    onState: () => undefined,
  });
  return handle.finished;
}

async function compare(target: string, files: PickedFile[], fromFolder: boolean, me: string) {
  const cli = await buildReport(target, { identity: accountIdentity(me), groupBy: 'domain' });
  const final = await importInExtension(files, fromFolder, me);
  expect(final.phase).toBe('done');
  expect(final.progress.counts).toEqual(cli.counts);
  expect(await db.messages.count()).toBe(cli.counts.imported);
  const stored = await recomputeAccount(db, me, cli.asOf);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
  const extension = stored.map((c) => c.report).sort(byKey);
  expect(extension.length).toBeGreaterThan(0);
  expect(extension).toEqual([...cli.clients].sort(byKey));
  return { cli, final };
}

describe('one engine for the command line and the extension', () => {
  it('gives the same clients, latencies and risks on a folder export', async () => {
    const folder = path.join(FIXTURES, 'folders');
    await compare(folder, pickFolder(folder), true, 'alice@corp.example');
  });

  it('gives the same on a Takeout mbox', async () => {
    const file = path.join(FIXTURES, 'takeout-sample.mbox');
    await compare(file, [pickFile(file)], false, 'olena@brightpath.studio');
  });

  it.skipIf(!existsSync(ENRON))(
    'gives the same on a real Enron mailbox, and a cancelled import finished by a second one ends the same',
    async () => {
      const me = 'elizabeth.sager@enron.com';
      const { cli } = await compare(ENRON, pickFolder(ENRON), true, me);
      const clean = await db.messages.count();
      const cleanClients = (await db.clients.toArray()).map((c) => [c.key, c.riskScore]);
      await db.delete();
      await db.open();
      const cancelled = await importInExtension(pickFolder(ENRON), true, me, 2);
      expect(cancelled.phase).toBe('cancelled');
      expect(await db.messages.count()).toBeLessThan(clean);
      const again = await importInExtension(pickFolder(ENRON), true, me);
      expect(again.phase).toBe('done');
      expect(await db.messages.count()).toBe(clean);
      await recomputeAccount(db, me, cli.asOf);
      expect((await db.clients.toArray()).map((c) => [c.key, c.riskScore])).toEqual(cleanClients);
    },
    // Three imports of sager-e into fake IndexedDB: a minute alone, several on a busy machine.
    600_000,
  );
});
