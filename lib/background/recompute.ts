import { analyzeAccount, analyzeClient } from '@/lib/engine/analyze';
import type { KeepwarmDb, StoredClient } from '@/lib/store/db';
import { accountIdentity } from './identity';

/** More touched clients than this, and a full recompute is as cheap as one by one. */
const MAX_INCREMENTAL_CLIENTS = 50;

function storedClient(account: string, report: StoredClient['report'], now: number): StoredClient {
  return {
    account,
    key: report.key,
    report,
    riskScore: report.risk.score,
    waitingOnUsSince: report.metrics.waiting.onUs?.since,
    computedAt: now,
  };
}

function followUpStatesOf(db: KeepwarmDb, account: string) {
  return db.followUpStates.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
}

/**
 * Runs the engine over one account's messages whose sender is known, refits
 * the account-wide model, and replaces that account's client reports in one
 * transaction, so a reader never sees half of an update.
 */
export async function recomputeAccount(db: KeepwarmDb, account: string, now: number): Promise<StoredClient[]> {
  const messages = await db.messages
    .where('[account+at]')
    .between([account, -Infinity], [account, Infinity])
    .filter((m) => m.senderKnown)
    .toArray();
  const states = await followUpStatesOf(db, account);
  const analysis = analyzeAccount({ messages, identity: accountIdentity(account), now, followUpStates: states });
  const clients = analysis.clients.map((report) => storedClient(account, report, now));
  await db.transaction('rw', db.clients, db.accounts, async () => {
    await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).delete();
    await db.clients.bulkPut(clients);
    await db.accounts.update(account, { population: analysis.population });
  });
  return clients;
}

/**
 * Recomputes only the clients a change touched (`<account>|<key>` refs),
 * against the account's last fitted model; falls back to a full recompute when
 * there is no model yet or the change touched many clients.
 */
export async function recomputeClients(
  db: KeepwarmDb,
  account: string,
  refs: ReadonlySet<string>,
  now: number,
): Promise<'incremental' | 'full'> {
  const population = (await db.accounts.get(account))?.population;
  if (!population || refs.size > MAX_INCREMENTAL_CLIENTS) {
    await recomputeAccount(db, account, now);
    return 'full';
  }
  const identity = accountIdentity(account);
  const states = await followUpStatesOf(db, account);
  for (const ref of refs) {
    const key = ref.slice(account.length + 1);
    const messages = await db.messages
      .where('clientRefs')
      .equals(ref)
      .filter((m) => m.senderKnown)
      .toArray();
    const report = analyzeClient({ clientKey: key, messages, identity, now, population, followUpStates: states });
    await db.transaction('rw', db.clients, async () => {
      if (report) await db.clients.put(storedClient(account, report, now));
      else await db.clients.delete([account, key]);
    });
  }
  return 'incremental';
}

/** How many clients, over all accounts, are waiting on the user: the toolbar badge. */
export async function countClientsWaitingOnUs(db: KeepwarmDb): Promise<number> {
  return db.clients.filter((c) => c.waitingOnUsSince !== undefined).count();
}
