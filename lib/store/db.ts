import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { FollowUpState } from '@/lib/engine/follow-ups';
import type { ClientOverride } from '@/lib/engine/overrides';
import type { ClientReport, PopulationModel } from '@/lib/engine/report-types';
import type { StoredRiskModel } from '@/lib/engine/risk-model/account-model';
import type { SetAsideClient } from '@/lib/engine/set-aside';
import type { MailAddress, MailMessage } from '@/lib/engine/types';
import type { UserSettings } from '@/lib/settings/user-settings';
import type { GmailDataHealth } from '@/lib/sites/gmail/page-data/records';
import type { Health } from '@/lib/sites/gmail/records';
import type { SenderEvidence } from '@/lib/sites/gmail/row-inference';
import { refileAutomatedSenders } from './refile-senders';

// Keepwarm's history lives in one IndexedDB database per browser profile.
// Versions are append-only: a new version adds a `version(n)` block with its
// upgrade function and never edits an old one, so every record a user has
// survives every update (each migration has a test with data in it).

/** A Gmail account the user has opened, keyed by its signed-in address. */
export interface StoredAccount {
  address: string;
  /**
   * Where it was last seen in Gmail's URL (`u/0`); can change when the user signs in or out of others.
   * Missing for an account known only from an import until Gmail is opened on it: links then use the default account.
   */
  accountPath?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** When mail was last imported for this account from a mailbox export. */
  importedAt?: number;
  /**
   * Messages the imports added for this account, kept as each batch is stored so the
   * status never counts a large mailbox. Absent on an account imported before it was kept.
   */
  importedMessages?: number;
  /** How well the last Gmail list and conversation pages could be read. */
  listHealth?: Health;
  conversationHealth?: Health;
  /** How well the last batch of Gmail's own thread data read in the page could be read, and what was refused. */
  dataHealth?: GmailDataHealth;
  /** The account-wide model of the last full recompute, reused to recompute one client at a time. */
  population?: PopulationModel;
  /**
   * Which model the account's chance is scored with, and why: the shipped one or
   * the account's own refit (lib/engine/risk-model/account-model.ts). Read through
   * its schema, so a damaged record scores with the shipped model. Not indexed.
   */
  riskModel?: StoredRiskModel;
  /**
   * The offset from UTC (minutes) that Gmail's list date titles were last seen
   * written in, learnt from a page's rows, so a batch of a few changed rows can
   * read its titles too. Not indexed: no schema version.
   */
  titleOffset?: { minutes: number; learnedAt: number };
  /**
   * When the inbox last showed a reply of the user's outside it (a row dated
   * before its newest message): from then on, a newest message the inbox holds
   * is a counterpart's. Not indexed.
   */
  repliesOutsideInboxAt?: number;
}

/**
 * Where a message was learnt from; a message seen in several places keeps the most informative.
 * `gmail-data` is Gmail's own thread data, read in the page: exact senders, recipients and times.
 */
export type MessageSource = 'list' | 'conversation' | 'import' | 'gmail-data';

export interface StoredMessage extends MailMessage {
  account: string;
  source: MessageSource;
  /** `false` when only the time and thread are known (a Gmail list row's last message). */
  senderKnown: boolean;
  /**
   * Set when the sender was inferred from a Gmail list row, not read: the fact
   * it rests on. An exact sighting of the message replaces it. Not indexed.
   */
  senderEvidence?: SenderEvidence;
  /** `<account>|<client key>` for every client the message involves, for the per-client index. */
  clientRefs: string[];
  /**
   * Imported messages only: the import's content key, shared by the copies of
   * one message that an export files under different Message-IDs, so a later
   * import stores no second copy. Not indexed: looked up among the messages of
   * the same exact time.
   */
  copyKey?: string;
}

export interface StoredThread {
  account: string;
  threadId: string;
  subject: string;
  snippet: string;
  lastActivityAt: number;
  lastMessageId?: string;
  /** The participants Gmail shows for the thread: a display sample, not the full set. */
  participants: MailAddress[];
  unread: boolean;
  messageCount: number;
  hasDraft: boolean;
  clientRefs: string[];
  seenAt: number;
}

/** A client's report as stored: one stored before an update may lack what the engine reports since. */
export type StoredReport = Omit<ClientReport, 'activity'> & Partial<Pick<ClientReport, 'activity'>>;

/** The engine's latest report on one client, kept so every surface reads it without recomputing. */
export interface StoredClient {
  account: string;
  key: string;
  /** The recompute after an update adds what an older version's report lacks. */
  report: StoredReport;
  riskScore: number;
  /** When the oldest message waiting on the user arrived; absent when nothing waits. */
  waitingOnUsSince?: number;
  computedAt: number;
}

/** The user's decision on one suggested follow-up (done, dismissed, snoozed until). */
export interface StoredFollowUpState extends FollowUpState {
  account: string;
  clientKey: string;
}

/** The user's settings: one row, read through `parseUserSettings` so older rows get today's defaults. */
export interface StoredSettings {
  id: 'user';
  settings: UserSettings;
  updatedAt: number;
}

/**
 * The user's correction of one client (rename, merge, ignore, value, tier,
 * expected silence). With `split`, the key is an address taken out of its
 * organisation to be a client of its own.
 */
export interface StoredClientOverride extends ClientOverride {
  account: string;
  key: string;
  split?: true;
  updatedAt: number;
}

/**
 * A client whose report is out of date. Written in the same transaction as the
 * history that made it so, and removed once recomputed, so a service worker
 * stopped in between picks the work up when it starts again.
 */
export interface PendingRecompute {
  /** `<account>|<client key>` */
  ref: string;
  account: string;
  markedAt: number;
}

/**
 * What the user's CRM taught about one client, kept apart from the user's own
 * corrections so it can be shown and forgotten as one thing. Read by the
 * engine's context: addresses and domain join the client, activities are
 * contact events, the amount is the client's value only when the user allows it.
 */
export interface StoredCrmLearning {
  account: string;
  clientKey: string;
  /** Addresses the CRM lists for this client whose mail would otherwise belong to no client or another. */
  addresses: string[];
  /** The company's web domain, when it differs from the client's key. */
  domain?: string;
  amount?: { value: number; currency?: string };
  /** Distinct times of the record's activities, oldest first. */
  activities: number[];
  /** The user chose to watch this client, possibly before any mail. */
  watched?: true;
  /** The records it came from, `<crm>:<record id>`. */
  records: string[];
  updatedAt: number;
}

/**
 * A client the engine set aside as automated or bulk mail (no report, badge or
 * follow-up), with each sender and why; replaced at every recompute like the reports.
 */
export interface StoredSetAside extends SetAsideClient {
  account: string;
  computedAt: number;
}

export type KeepwarmDb = Dexie & {
  accounts: EntityTable<StoredAccount, 'address'>;
  messages: Table<StoredMessage, [account: string, id: string]>;
  threads: Table<StoredThread, [account: string, threadId: string]>;
  clients: Table<StoredClient, [account: string, key: string]>;
  followUpStates: Table<StoredFollowUpState, [account: string, key: string]>;
  settings: EntityTable<StoredSettings, 'id'>;
  clientOverrides: Table<StoredClientOverride, [account: string, key: string]>;
  pendingRecompute: EntityTable<PendingRecompute, 'ref'>;
  crmLearned: Table<StoredCrmLearning, [account: string, clientKey: string]>;
  setAside: Table<StoredSetAside, [account: string, key: string]>;
};

/** Every version's stores, oldest first. Append a version; never edit one that shipped. */
export const SCHEMA_VERSIONS: Record<string, string | null>[] = [
  {
    accounts: '&address',
    messages: '[account+id], [account+threadId], [account+at], *clientRefs',
    threads: '[account+threadId], [account+lastActivityAt], *clientRefs',
    clients: '[account+key], [account+riskScore], [account+waitingOnUsSince]',
  },
  // v2: the user's follow-up decisions, kept apart from the recomputed reports so a recompute never loses them.
  { followUpStates: '[account+key], [account+clientKey]' },
  // v3: the user's settings and client corrections, and the clients waiting for a recompute.
  { settings: '&id', clientOverrides: '[account+key]', pendingRecompute: '&ref, account' },
  // v4: what the user's CRM pages taught about clients, and the clients the user watches.
  { crmLearned: '[account+clientKey]' },
  // v5: the clients set aside as automated or bulk mail, listed most recent first.
  { setAside: '[account+key], [account+lastAt]' },
];

/** What an upgrade to a version does to the records it keeps, by version. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  5: refileAutomatedSenders,
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
