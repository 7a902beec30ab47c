import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MailAddress, MailMessage } from '@/lib/engine/types';

// Keepwarm's history lives in one IndexedDB database per browser profile.
// Versions are append-only: a new version adds a `version(n)` block with its
// upgrade function and never edits an old one, so every record a user has
// survives every update (each migration has a test with data in it).

/** A Gmail account the user has opened, keyed by its signed-in address. */
export interface StoredAccount {
  address: string;
  /** Where it was last seen in Gmail's URL (`u/0`); can change when the user signs in or out of others. */
  accountPath: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** Where a message was learnt from; a message seen in several places keeps the most informative. */
export type MessageSource = 'list' | 'conversation' | 'import';

export interface StoredMessage extends MailMessage {
  account: string;
  source: MessageSource;
  /** `false` when only the time and thread are known (a Gmail list row's last message). */
  senderKnown: boolean;
  /** `<account>|<client key>` for every client the message involves, for the per-client index. */
  clientRefs: string[];
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

export type KeepwarmDb = Dexie & {
  accounts: EntityTable<StoredAccount, 'address'>;
  messages: Table<StoredMessage, [account: string, id: string]>;
  threads: Table<StoredThread, [account: string, threadId: string]>;
};

export const DB_NAME = 'keepwarm';

export function openKeepwarmDb(name = DB_NAME): KeepwarmDb {
  const db = new Dexie(name) as KeepwarmDb;
  db.version(1).stores({
    accounts: '&address',
    messages: '[account+id], [account+threadId], [account+at], *clientRefs',
    threads: '[account+threadId], [account+lastActivityAt], *clientRefs',
  });
  return db;
}
