// What the Gmail extractors read from a page. Plain data: the content script
// sends it to the background, which validates it with ./schemas.

export type TimeSource = 'id' | 'title';

export interface Participant {
  email: string;
  name: string;
  /** Decided by the address against the account's addresses, never by the localized "me". */
  isMe: boolean;
}

export interface ThreadRowRecord {
  /** `thread-f:` decimal id; absent on pages (like 2014 Gmail) that carry no ids. */
  threadId?: string;
  /** The same thread id in the hex form of Gmail's older URLs and data. */
  legacyThreadId?: string;
  lastMessageId?: string;
  subject: string;
  snippet: string;
  participants: Participant[];
  unread: boolean;
  messageCount: number;
  hasDraft: boolean;
  lastActivityAt?: number;
  timeSource?: TimeSource;
  /** Gmail's own date title, kept so a time can still be parsed where the id gave none. */
  dateTitle?: string;
}

export interface MessageRecord {
  messageId?: string;
  from?: Participant;
  to: Participant[];
  at?: number;
  timeSource?: TimeSource;
  dateTitle?: string;
  state: 'expanded' | 'collapsed';
}

export interface ConversationRecord {
  threadId?: string;
  legacyThreadId?: string;
  subject: string;
  messages: MessageRecord[];
  /** Messages Gmail folded away ("3 older messages"): not in the DOM, only counted. */
  foldedCount: number;
}

export interface Health {
  seen: number;
  parsed: number;
  /** How many records lacked each field. */
  failures: Record<string, number>;
  /** Primary selectors that matched nothing where they should have. */
  missing: string[];
  /** Whether the data is good enough to show risk from. */
  healthy: boolean;
}

export interface ExtractContext {
  /** The account's own addresses (signed-in address and aliases), lower-cased. */
  myAddresses: readonly string[];
  now: number;
  /** Parses a localized date title; without it, rows carry the title for the background to parse. */
  parseTitleTime?: (title: string) => number | undefined;
}
