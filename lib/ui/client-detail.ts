// Everything the side panel's client view reads, in one live query: the
// report (with the weeks of activity its chart draws), the user's corrections,
// the newest messages for the contact timeline, and what the user's CRM taught.
// A client can have thousands of threads, so the messages are read thread by
// thread, newest first, only as far as shown. The clients it could be merged
// into are not read here: an account has thousands (see merge-targets).

import type { StoredClient, StoredMessage } from '@/lib/data/stored-rows';
import { byTime } from '@/lib/engine/conversation';
import type { KeepwarmDb } from '@/lib/store/db';
import { activitySeries } from './activity-series';
import type { ClientDetail } from './client-detail-type';

export const TIMELINE_SHOWN = 40;
/** Threads read at a time: the newest few threads usually hold the timeline's messages. */
const THREADS_PER_READ = 10;

/** Newest first; messages of the same millisecond by id, so the order never depends on how they were read. */
const newestFirst = (a: StoredMessage, b: StoredMessage) => byTime(b, a);

/**
 * The client's `count` newest messages (sender known), newest first. The
 * report's threads, newest first, say where each thread's last message of the
 * client lies: reading stops at the first thread older than the `count`-th
 * newest message read.
 */
async function newestMessages(db: KeepwarmDb, client: StoredClient, count: number): Promise<StoredMessage[]> {
  const ref = `${client.account}|${client.key}`;
  const threads = [...client.report.threads].sort((a, b) => b.lastAt - a.lastAt);
  const shown: StoredMessage[] = [];
  for (let next = 0; next < threads.length; next += THREADS_PER_READ) {
    const countth = shown.length >= count ? shown.sort(newestFirst)[count - 1]?.at : undefined;
    if (countth !== undefined && (threads[next]?.lastAt ?? Number.NEGATIVE_INFINITY) < countth) break;
    // One request per thread, all at once in one transaction: each is answered whole, where one cursor
    // over every thread's key (`anyOf`) costs a round trip per message.
    const batch = threads.slice(next, next + THREADS_PER_READ);
    const perThread = await db.transaction('r', db.messages, () =>
      Promise.all(
        batch.map((t) => db.messages.where('[account+threadId]').equals([client.account, t.threadId]).toArray()),
      ),
    );
    shown.push(...perThread.flat().filter((m) => m.senderKnown && m.clientRefs.includes(ref)));
  }
  return shown.sort(newestFirst).slice(0, count);
}

export async function clientDetail(
  db: KeepwarmDb,
  account: string,
  clientKey: string,
  now: number,
): Promise<ClientDetail | undefined> {
  const client = await db.clients.get([account, clientKey]);
  if (!client) return undefined;
  const [accountRow, override, learning, timeline] = await Promise.all([
    db.accounts.get(account),
    db.clientOverrides.get([account, clientKey]),
    db.crmLearned.get([account, clientKey]),
    newestMessages(db, client, TIMELINE_SHOWN),
  ]);
  const { activity } = client.report;
  return {
    client,
    ...(accountRow?.accountPath && { accountPath: accountRow.accountPath }),
    ...(override && { override }),
    ...(learning && { learning }),
    split: override?.split === true,
    ...(activity && { activity: activitySeries(activity, now) }),
    timeline,
    // The report's count of the messages behind it: counting them here would read them all.
    messageCount: client.report.threads.reduce((sum, t) => sum + t.messageCount, 0),
  };
}

/** The riskiest clients over every account, read from the score index only as far as shown. */
export async function riskiestClients(db: KeepwarmDb, limit: number): Promise<StoredClient[]> {
  const accounts = await db.accounts.toCollection().primaryKeys();
  const perAccount = await Promise.all(
    accounts.map((account) =>
      db.clients
        .where('[account+riskScore]')
        .between([account, 25], [account, Infinity])
        .reverse()
        .limit(limit)
        .toArray(),
    ),
  );
  return perAccount
    .flat()
    .sort((a, b) => b.riskScore - a.riskScore)
    .slice(0, limit);
}

/** The clients the user watches from CRM records, with their reports, whatever their risk. */
export async function watchedClients(db: KeepwarmDb): Promise<StoredClient[]> {
  const watched = (await db.crmLearned.toArray()).filter((row) => row.watched);
  const rows = await db.clients.bulkGet(watched.map((row): [string, string] => [row.account, row.clientKey]));
  return rows.filter((row): row is StoredClient => row !== undefined);
}
