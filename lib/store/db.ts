import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { SCHEMA_VERSIONS } from '@/lib/data/schema-versions';
import type {
  RecomputeMark,
  StoredAccount,
  StoredClient,
  StoredClientOverride,
  StoredCrmLearning,
  StoredFollowUpState,
  StoredMessage,
  StoredSetAside,
  StoredSettings,
  StoredThread,
} from '@/lib/data/stored-rows';
import { placeWaitingClients } from './place-waiting-clients';
import { refileAutomatedSenders } from './refile-senders';
import { regroupRecomputeMarks } from './regroup-recompute-marks';

// Keepwarm's history lives in one IndexedDB database per browser profile.
// Versions are append-only: a new version adds its stores to SCHEMA_VERSIONS
// (lib/data/schema-versions.ts) and its upgrade function here, and never edits
// an old one, so every record a user has survives every update (each migration
// has a test with data in it).

export type KeepwarmDb = Dexie & {
  accounts: EntityTable<StoredAccount, 'address'>;
  messages: Table<StoredMessage, [account: string, id: string]>;
  threads: Table<StoredThread, [account: string, threadId: string]>;
  clients: Table<StoredClient, [account: string, key: string]>;
  followUpStates: Table<StoredFollowUpState, [account: string, key: string]>;
  settings: EntityTable<StoredSettings, 'id'>;
  clientOverrides: Table<StoredClientOverride, [account: string, key: string]>;
  recomputeMarks: EntityTable<RecomputeMark, 'id'>;
  crmLearned: Table<StoredCrmLearning, [account: string, clientKey: string]>;
  setAside: Table<StoredSetAside, [account: string, key: string]>;
};

/** What an upgrade to a version does to the records it keeps, by version. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  5: refileAutomatedSenders,
  6: regroupRecomputeMarks,
  7: placeWaitingClients,
};

export const DB_NAME = 'keepwarm';

export function openKeepwarmDb(name = DB_NAME): KeepwarmDb {
  const db = new Dexie(name) as KeepwarmDb;
  SCHEMA_VERSIONS.forEach((stores, index) => {
    const version = db.version(index + 1).stores(stores);
    const upgrade = UPGRADES[index + 1];
    if (upgrade) version.upgrade(upgrade);
  });
  return db;
}
