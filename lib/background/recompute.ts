import { analyzeAccount } from '@/lib/engine/analyze';
import type { KeepwarmDb, StoredClient } from '@/lib/store/db';
import { accountIdentity } from './identity';

/**
 * Runs the engine over one account's messages whose sender is known and
 * replaces that account's client reports in one transaction, so a reader
 * never sees half of an update.
 */
export async function recomputeAccount(db: KeepwarmDb, account: string, now: number): Promise<StoredClient[]> {
  const messages = await db.messages
    .where('[account+at]')
    .between([account, -Infinity], [account, Infinity])
    .filter((m) => m.senderKnown)
    .toArray();
  const states = await db.followUpStates.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
  const analysis = analyzeAccount({ messages, identity: accountIdentity(account), now, followUpStates: states });
  const clients: StoredClient[] = analysis.clients.map((report) => ({
    account,
    key: report.key,
    report,
    riskScore: report.risk.score,
    waitingOnUsSince: report.metrics.waiting.onUs?.since,
    computedAt: now,
  }));
  await db.transaction('rw', db.clients, async () => {
    await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).delete();
    await db.clients.bulkPut(clients);
  });
  return clients;
}

/** How many clients, over all accounts, are waiting on the user: the toolbar badge. */
export async function countClientsWaitingOnUs(db: KeepwarmDb): Promise<number> {
  return db.clients.filter((c) => c.waitingOnUsSince !== undefined).count();
}
