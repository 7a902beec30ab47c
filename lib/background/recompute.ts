import type { StoredClient, StoredSetAside } from '@/lib/data/stored-rows';
import { waitingPlaces } from '@/lib/data/waiting-places';
import { analyzeOneClient } from '@/lib/engine/analyze';
import { analyzeClientByClient } from '@/lib/engine/analyze-by-client';
import { createClientResolver } from '@/lib/engine/overrides';
import type { PopulationModel } from '@/lib/engine/report-types';
import type { SetAsideClient } from '@/lib/engine/set-aside';
import type { KeepwarmDb } from '@/lib/store/db';
import { clearPending, pendingOf } from '@/lib/store/pending-recompute';
import { type EngineContext, engineContext } from './engine-context';
import { forEachRefOfAccount, messagesFiledUnder } from './messages-by-client';

/** More touched clients than this, and a full recompute is as cheap as one by one. */
const MAX_INCREMENTAL_CLIENTS = 50;

function storedClient(account: string, report: StoredClient['report'], now: number): StoredClient {
  return {
    account,
    key: report.key,
    report,
    riskScore: report.risk.score,
    waitingOnUsSince: report.metrics.waiting.onUs?.since,
    ...waitingPlaces(report, now),
    computedAt: now,
  };
}

function storedSetAside(account: string, entry: SetAsideClient, now: number): StoredSetAside {
  return { ...entry, account, computedAt: now };
}

function followUpStatesOf(db: KeepwarmDb, account: string) {
  return db.followUpStates.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
}

/**
 * Runs the engine over one account's messages whose sender is known, refits
 * the account-wide model, and replaces that account's client reports and its
 * clients set aside as automated in one transaction, so a reader never sees
 * half of an update. The messages are read
 * a client at a time, so the memory it takes grows with the largest client,
 * not with the account.
 */
export async function recomputeAccount(db: KeepwarmDb, account: string, now: number): Promise<StoredClient[]> {
  const pending = await pendingOf(db, account);
  const context = await engineContext(db, account);
  const states = await followUpStatesOf(db, account);
  const analysis = analyzeClientByClient({ ...context, now, followUpStates: states });
  const drafted = new Set<string>();
  const left = new Set(analysis.outsideClients());
  await forEachRefOfAccount(db, account, (base, messages) => {
    for (const key of analysis.clientsOf(base)) {
      const sources = analysis.sourceKeys(key);
      // Most clients are filed under their own key alone; the others (merged, split out) are read on their own.
      if (sources.length === 1 && sources[0] === base) {
        analysis.addClient(key, messages);
        drafted.add(key);
      } else left.add(key);
    }
  });
  for (const key of left) {
    if (!drafted.has(key)) analysis.addClient(key, await messagesFiledUnder(db, account, analysis.sourceKeys(key)));
  }
  const { clients: reports, population, setAside } = analysis.finish();
  const clients = reports.map((report) => storedClient(account, report, now));
  await db.transaction('rw', db.clients, db.setAside, db.accounts, async () => {
    await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).delete();
    await db.clients.bulkPut(clients);
    await db.setAside.where('[account+key]').between([account, ''], [account, '\uffff']).delete();
    await db.setAside.bulkPut(setAside.map((entry) => storedSetAside(account, entry, now)));
    await db.accounts.update(account, { population });
  });
  await clearPending(db, pending);
  return clients;
}

/** The clients whose reports a change of these stored refs can move, after the user's merges and splits. */
function affectedClients(account: string, refs: Iterable<string>, context: EngineContext): Set<string> {
  const resolver = createClientResolver(context.overrides);
  const affected = new Set<string>();
  // A person split out of an organisation is still stored under the organisation's ref.
  for (const ref of refs) for (const key of resolver.clientsOf(ref.slice(account.length + 1))) affected.add(key);
  return affected;
}

async function recomputeOne(
  db: KeepwarmDb,
  account: string,
  key: string,
  context: EngineContext,
  now: number,
  population: PopulationModel,
): Promise<void> {
  const sources = createClientResolver(context.overrides)
    .sourceKeys(key)
    .map((base) => `${account}|${base}`);
  const messages = (await db.messages.where('clientRefs').anyOf(sources).distinct().toArray()).filter(
    (m) => m.senderKnown,
  );
  const states = await followUpStatesOf(db, account);
  const { report, setAside } = analyzeOneClient({
    clientKey: key,
    messages,
    ...context,
    now,
    population,
    followUpStates: states,
  });
  await db.transaction('rw', db.clients, db.setAside, async () => {
    if (report) await db.clients.put(storedClient(account, report, now));
    else await db.clients.delete([account, key]);
    if (setAside) await db.setAside.put(storedSetAside(account, setAside, now));
    else await db.setAside.delete([account, key]);
  });
}

/**
 * Recomputes the clients a change touched (`<account>|<key>` refs as stored),
 * against the account's last fitted model, and clears their pending marks;
 * falls back to a full recompute when there is no model yet or the change
 * touched many clients.
 */
export async function recomputeClients(
  db: KeepwarmDb,
  account: string,
  refs: ReadonlySet<string>,
  now: number,
): Promise<'incremental' | 'full'> {
  const population = (await db.accounts.get(account))?.population;
  const context = await engineContext(db, account);
  const affected = affectedClients(account, refs, context);
  if (!population || affected.size > MAX_INCREMENTAL_CLIENTS) {
    await recomputeAccount(db, account, now);
    return 'full';
  }
  const pending = await pendingOf(db, account);
  for (const key of affected) await recomputeOne(db, account, key, context, now, population);
  await clearPending(db, pending, refs);
  return 'incremental';
}

/** How many clients, over all accounts, are waiting on the user: the toolbar badge. */
export async function countClientsWaitingOnUs(db: KeepwarmDb): Promise<number> {
  // Only clients with a waiting time have an entry in this index: counting it reads no record.
  return db.clients.orderBy('[account+waitingOnUsSince]').count();
}
