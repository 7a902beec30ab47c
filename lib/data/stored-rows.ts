import type { CueKind } from '@/lib/engine/cue-lexicon';
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

// The records Keepwarm stores, as plain types: pages and components read them
// without the database library (lib/store/db.ts holds the tables).

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
  /** Its place in the popup's "waiting on you" list; absent when it is not in it. Indexed (`onYouPlace.rank`). */
  onYouPlace?: StoredWaitingPlace;
  /** Its place among the clients who stopped answering; absent when it is not in it. Indexed (`stoppedPlace.rank`). */
  stoppedPlace?: StoredWaitingPlace;
  computedAt: number;
}

/**
 * A client's place in one of the popup's waiting lists (lib/engine/waiting-order.ts),
 * kept as an index key so the popup reads its first rows, most pressing first, from
 * the index alone: priority, then urgency (both descending), then the earliest due
 * time (the negated time, so one descending read orders all three).
 */
export interface StoredWaitingPlace {
  rank: [priority: number, urgency: number, negatedDueAt: number];
  /** The cue to acknowledge that puts the client there, when it is one. */
  cue?: CueKind;
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
 * The clients one change of history left out of date. Written in the same
 * transaction as that change, and removed once its clients are recomputed, so
 * a service worker stopped in between picks the work up when it starts again.
 */
export interface RecomputeMark {
  /** Given by the database: a mark written later has a greater id. */
  id?: number;
  account: string;
  /** `<account>|<client key>` of every client the change touched. */
  refs: string[];
  markedAt: number;
}

/** Up to version 5 a client waiting for a recompute had a row of its own; its backups still carry them. */
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
