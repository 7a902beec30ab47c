import type { StoredClient } from '@/lib/data/stored-rows';
import { type ClientResolver, createClientResolver } from '@/lib/engine/overrides';
import type { CrmRecordReply } from '@/lib/features/crm/messages';
import { candidateClientKeys, matchCrmRecord, type OwnSide } from '@/lib/sites/crm/client-match';
import type { CrmExtraction } from '@/lib/sites/crm/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { engineContext } from './engine-context';
import { readUserSettings } from './settings-store';

// Answers a CRM page: which known client its record is about, and that
// client's risk. Nothing is answered for a page read badly (health) or one
// naming several known clients: no badge beats a wrong one.

/**
 * The stored report a candidate key stands for in each account, after the
 * user's merges and what the CRM taught (a learnt address stands for its
 * client); when several accounts know it, the one at highest risk.
 */
async function findClient(
  db: KeepwarmDb,
  resolvers: ReadonlyMap<string, ClientResolver>,
  key: string,
): Promise<StoredClient | undefined> {
  const keys = [...resolvers].flatMap(([account, resolver]) => {
    const final = resolver.resolveKey(key);
    return final === undefined ? [] : [[account, final] as [string, string]];
  });
  const rows = await db.clients.bulkGet(keys);
  return rows.filter((row): row is StoredClient => row !== undefined).sort((a, b) => b.riskScore - a.riskScore)[0];
}

/** The user's own addresses and domains over every account: never a client, never learnt as one. */
export async function ownSideOf(db: KeepwarmDb, accounts: string[]): Promise<OwnSide> {
  const settings = Object.values((await readUserSettings(db)).accounts);
  return {
    addresses: [...accounts, ...settings.flatMap((s) => s.aliases)],
    internalDomains: settings.flatMap((s) => s.internalDomains),
  };
}

export async function answerCrmRecord(db: KeepwarmDb, extraction: CrmExtraction): Promise<CrmRecordReply> {
  const { record, health } = extraction;
  // An amount or an activity time the page showed oddly does not blur who the record is; a cut
  // address list or a missing part of the page does.
  const identityUnsure = health.missing.length > 0 || (health.failures.emails ?? 0) > 0;
  if (!record || identityUnsure) return { match: 'unreadable', candidates: [] };
  const accounts = (await db.accounts.toArray()).map((a) => a.address);
  const own = await ownSideOf(db, accounts);
  const resolvers = new Map<string, ClientResolver>();
  for (const account of accounts) {
    resolvers.set(account, createClientResolver((await engineContext(db, account)).overrides));
  }
  const known = new Map<string, StoredClient>();
  for (const key of candidateClientKeys(record, own)) {
    const client = await findClient(db, resolvers, key);
    if (client) known.set(key, client);
  }
  const byClientKey = new Map([...known.values()].map((client) => [client.key, client]));
  const match = matchCrmRecord(record, (key) => known.get(key)?.key, own);
  if (match.status === 'matched') {
    const client = byClientKey.get(match.clientKey) as StoredClient;
    return {
      match: 'matched',
      client: {
        account: client.account,
        key: client.key,
        name: client.report.displayName,
        score: client.report.risk.score,
        level: client.report.risk.level,
      },
      candidates: [client.key],
    };
  }
  if (match.status === 'unknown') return { match: 'unknown', candidates: match.candidates };
  return { match: match.status, candidates: [] };
}
