import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recomputeAccount } from '@/lib/background/recompute';
import { startBackground } from '@/lib/background/start';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { accountIdentity } from '@/lib/engine/account-identity';
import { DB_NAME, openKeepwarmDb } from '@/lib/store/db';
import { DAY, HOUR, ME } from './exchange';

// Reports stored by an older version lack what the engine reports since, such
// as the side panel's weeks of activity: an update rebuilds them at once.

async function storeOneClient() {
  const db = openKeepwarmDb();
  const at = Date.now() - 2 * DAY;
  const message = (id: string, from: string, to: string, offset: number) => ({
    id,
    threadId: 't',
    at: at + offset,
    from: { email: from },
    to: [{ email: to }],
    cc: [],
    subject: 'Order',
    snippet: '',
  });
  await storeImportBatch(
    db,
    {
      account: ME,
      messages: [message('a@acme.com', 'dana@acme.com', ME, 0), message('b@me', ME, 'dana@acme.com', HOUR)],
    },
    Date.now(),
    accountIdentity(ME),
  );
  await recomputeAccount(db, ME, Date.now());
  // As an older version stored it.
  await db.clients.toCollection().modify((client) => {
    delete client.report.activity;
  });
  return db;
}

describe('after an update', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
  });

  it('rebuilds every stored report with the new engine', async () => {
    const db = await storeOneClient();
    startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await expect
      .poll(async () => (await db.clients.toArray()).map((c) => c.report.activity))
      .toEqual([
        {
          receivedAt: [expect.any(Number)],
          sentAt: [expect.any(Number)],
          ourReplies: [{ at: expect.any(Number), wallMs: HOUR }],
          theirReplies: [],
        },
      ]);
  });

  it('leaves the reports alone on a first install or a browser update', async () => {
    const db = await storeOneClient();
    startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await db.clients.toArray()).map((c) => c.report.activity)).toEqual([undefined]);
  });
});
