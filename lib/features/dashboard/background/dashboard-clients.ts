// An account's clients as the dashboard counts them: each client's history,
// read a client at a time as the recompute reads them, with the name, value,
// tier and chance of its stored report.
import { engineContext } from '@/lib/background/engine-context';
import { forEachRefOfAccount, messagesFiledUnder } from '@/lib/background/messages-by-client';
import { readUserSettings } from '@/lib/background/settings-store';
import type { StoredClient } from '@/lib/data/stored-rows';
import type { ClientHistory } from '@/lib/engine/client-history';
import { historyWalk } from '@/lib/engine/client-history';
import type { DashboardClient } from '@/lib/engine/dashboard';
import type { KeepwarmDb } from '@/lib/store/db';
import type { GetDashboardReply } from '../messages';

function withSummary(history: ClientHistory, stored: StoredClient | undefined): DashboardClient {
  const client: DashboardClient = { ...history, name: stored?.report.displayName ?? history.key };
  const report = stored?.report;
  if (report?.value !== undefined) client.value = report.value;
  if (report?.tier !== undefined) client.tier = report.tier;
  if (report) client.chance = report.risk.score;
  return client;
}

export async function dashboardClients(db: KeepwarmDb, account: string, now: number): Promise<GetDashboardReply> {
  const context = await engineContext(db, account);
  const settings = await readUserSettings(db);
  const stored = await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
  const reports = new Map(stored.map((row) => [row.key, row]));
  const walk = historyWalk({ ...context, now });
  const histories = new Map<string, ClientHistory>();
  const left = new Set(walk.outsideClients());
  await forEachRefOfAccount(db, account, (base, messages) => {
    for (const key of walk.clientsOf(base)) {
      const sources = walk.sourceKeys(key);
      // Merged and split clients have messages under other keys too: read on their own below.
      if (sources.length !== 1 || sources[0] !== base) {
        left.add(key);
        continue;
      }
      const history = walk.historyOf(key, messages);
      if (history) histories.set(key, history);
    }
  });
  for (const key of left) {
    if (histories.has(key)) continue;
    const history = walk.historyOf(key, await messagesFiledUnder(db, account, walk.sourceKeys(key)));
    if (history) histories.set(key, history);
  }
  return {
    timeZone: settings.businessHours.timeZone,
    clients: [...histories.values()].map((history) => withSummary(history, reports.get(history.key))),
  };
}
