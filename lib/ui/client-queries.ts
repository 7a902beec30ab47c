import type { KeepwarmDb, StoredClient } from '@/lib/store/db';

export interface ClientOverview {
  waitingOnUs: StoredClient[];
  riskiest: StoredClient[];
  total: number;
}

const RISKIEST_SHOWN = 10;

/** What the popup and side panel show first: who waits on the user, longest first, then the riskiest. */
export async function clientOverview(db: KeepwarmDb): Promise<ClientOverview> {
  const clients = await db.clients.toArray();
  const waitingOnUs = clients
    .filter((c) => c.waitingOnUsSince !== undefined)
    .sort((a, b) => (a.waitingOnUsSince ?? 0) - (b.waitingOnUsSince ?? 0) || b.riskScore - a.riskScore);
  const riskiest = clients
    .filter((c) => c.report.risk.level !== 'low')
    .sort((a, b) => b.riskScore - a.riskScore)
    .slice(0, RISKIEST_SHOWN);
  return { waitingOnUs, riskiest, total: clients.length };
}
