// Everything the side panel's client view reads, in one live query: the
// report, the user's corrections, the messages of the last 90 days for the
// chart and the contact timeline.
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
  /** Other clients of the account, to merge into. */
  otherClientKeys: string[];
  /** What the user's CRM taught about the client, and whether the user watches it. */
  learning?: StoredCrmLearning;
}

async function myAddresses(db: KeepwarmDb, account: string): Promise<Set<string>> {
  const aliases = (await db.settings.get('user'))?.settings.accounts?.[account]?.aliases ?? [];
  return new Set([account, ...aliases].map((a) => a.toLowerCase()));
}

export async function clientDetail(
  db: KeepwarmDb,
  account: string,
  clientKey: string,
  now: number,
): Promise<ClientDetail | undefined> {
  const client = await db.clients.get([account, clientKey]);
  if (!client) return undefined;
  const [accountRow, override, learning, messages, mine, keys] = await Promise.all([
    db.accounts.get(account),
    db.clientOverrides.get([account, clientKey]),
    db.crmLearned.get([account, clientKey]),
    db.messages.where('clientRefs').equals(`${account}|${clientKey}`).toArray(),
    myAddresses(db, account),
    db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).primaryKeys(),
  ]);
  const known = messages.filter((m) => m.senderKnown).sort((a, b) => b.at - a.at);
  const recent = known.filter((m) => m.at >= now - CHART_DAYS * DAY);
  return {
    client,
    ...(accountRow?.accountPath && { accountPath: accountRow.accountPath }),
    ...(override && { override }),
    ...(learning && { learning }),
    split: override?.split === true,
    activity: activitySeries(recent, mine, now),
    timeline: known.slice(0, TIMELINE_SHOWN),
    messageCount: known.length,
    otherClientKeys: keys.map(([, key]) => key).filter((key) => key !== clientKey),
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
