// Everything the side panel's client view reads, in one live query: the
// report, the user's corrections, the messages of the last 90 days for the
// chart and the contact timeline, and what the user's CRM taught. A client can
// have thousands of threads, so only the messages shown are read, through the
// per-client time index. The clients it could be merged into are not read
// here: an account has thousands (see merge-targets).
import { byTime } from '@/lib/engine/conversation';
import type { KeepwarmDb, StoredClient, StoredClientOverride, StoredCrmLearning, StoredMessage } from '@/lib/store/db';
import { type ActivityWeek, activitySeries, CHART_DAYS } from './activity-series';

const DAY = 86_400_000;
export const TIMELINE_SHOWN = 40;

export interface ClientDetail {
  client: StoredClient;
  accountPath?: string;
  override?: StoredClientOverride;
  /** Addresses of this client taken out of their organisation (person clients split from one). */
  split: boolean;
  activity: ActivityWeek[];
  /** Newest first, at most TIMELINE_SHOWN. */
  timeline: StoredMessage[];
  messageCount: number;
  /** What the user's CRM taught about the client, and whether the user watches it. */
  learning?: StoredCrmLearning;
}

async function myAddresses(db: KeepwarmDb, account: string): Promise<Set<string>> {
  const aliases = (await db.settings.get('user'))?.settings.accounts?.[account]?.aliases ?? [];
  return new Set([account, ...aliases].map((a) => a.toLowerCase()));
}

/** Newest first; messages of the same millisecond by id, so the order never depends on how they were read. */
const newestFirst = (a: StoredMessage, b: StoredMessage) => byTime(b, a);

/**
 * The client's messages (sender known) of the last `since` and at least its
 * `count` newest, newest first: two reads of the per-client time index, one of
 * the window (the chart needs it whole) and one of the newest, for a timeline
 * longer than the window holds.
 */
async function shownMessages(
  db: KeepwarmDb,
  client: StoredClient,
  since: number,
  count: number,
): Promise<StoredMessage[]> {
  const ref = `${client.account}|${client.key}`;
  const known = (m: StoredMessage) => m.senderKnown;
  const [inWindow, newest] = await db.transaction('r', db.messages, () =>
    Promise.all([
      db.messages.where('clientTimes').between([ref, since], [ref, Number.POSITIVE_INFINITY], true, true).toArray(),
      db.messages
        .where('clientTimes')
        .between([ref, Number.NEGATIVE_INFINITY], [ref, Number.POSITIVE_INFINITY], true, true)
        .reverse()
        .filter(known)
        .limit(count)
        .toArray(),
    ]),
  );
  const byId = new Map([...inWindow.filter(known), ...newest].map((m) => [m.id, m]));
  return [...byId.values()].sort(newestFirst);
}

export async function clientDetail(
  db: KeepwarmDb,
  account: string,
  clientKey: string,
  now: number,
): Promise<ClientDetail | undefined> {
  const client = await db.clients.get([account, clientKey]);
  if (!client) return undefined;
  const since = now - CHART_DAYS * DAY;
  const [accountRow, override, learning, known, mine] = await Promise.all([
    db.accounts.get(account),
    db.clientOverrides.get([account, clientKey]),
    db.crmLearned.get([account, clientKey]),
    shownMessages(db, client, since, TIMELINE_SHOWN),
    myAddresses(db, account),
  ]);
  const recent = known.filter((m) => m.at >= since);
  return {
    client,
    ...(accountRow?.accountPath && { accountPath: accountRow.accountPath }),
    ...(override && { override }),
    ...(learning && { learning }),
    split: override?.split === true,
    activity: activitySeries(recent, mine, now),
    timeline: known.slice(0, TIMELINE_SHOWN),
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
