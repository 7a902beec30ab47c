// What Gmail's own thread data (the responses its code already receives, and
// the data embedded at first load) tells about threads and messages, as plain
// records. The page-world observer hands raw response text to the isolated
// content script; the parser in this folder turns it into these records; the
// background validates them again with zod before storing anything.

/** Gmail's inbox categories; `primary` is the default tab. */
export type GmailCategory = 'primary' | 'promotions' | 'social' | 'updates' | 'forums';

export interface GmailDataAddress {
  /** Lower-cased address. */
  email: string;
  /** Display name as Gmail has it; may be empty. */
  name: string;
}

export interface GmailDataShownMessage {
  messageId: string;
  /** Epoch ms coded in the id (its top bits): 0.1–0.5 s from the time Gmail gives the message in the real samples. */
  at: number;
  from?: GmailDataAddress;
}

export interface GmailDataMessage {
  /** `msg-f:` decimal id (the hex legacy id read as a number when only that is given). */
  messageId: string;
  from: GmailDataAddress;
  to: GmailDataAddress[];
  cc: GmailDataAddress[];
  /** Epoch milliseconds (UTC), as Gmail gives it. */
  at: number;
  /** Gmail's own short plain-text excerpt, when the payload has one. */
  snippet?: string;
  /** A draft is not mail anybody received: the parser marks it so the background skips it. */
  draft: boolean;
  /**
   * True when the payload names the message's recipients (conversations); false
   * in thread lists, whose `to` and `cc` are empty for want of data, not of recipients.
   */
  recipientsKnown?: boolean;
}

export interface GmailDataThread {
  /** `thread-f:` decimal id. */
  threadId: string;
  legacyThreadId?: string;
  subject: string;
  /** Gmail's system and user labels as the payload names them (`^i` inbox, `^f` sent, …, or a label's name). */
  labels: string[];
  /**
   * Gmail's category of the thread (its `^smartlabel_*` classification, else the
   * tab it is shown in), when the payload says so; set even where the user has
   * switched that tab off.
   */
  category?: GmailCategory;
  /** Newest activity of the thread (epoch ms): its newest message's time, or the time coded in that message's id. */
  lastActivityAt?: number;
  /** Decimal id of the thread's newest message (the user's own included), where a list names it without its details. */
  lastMessageId?: string;
  /**
   * What an older-API list row says of the newest message it shows (the row's
   * date is that message's; in the inbox, the newest one the user received),
   * without the message itself: its id, the time Gmail codes in that id, and
   * its sender, which those lists leave out when it is the user.
   */
  shownMessage?: GmailDataShownMessage;
  /**
   * The messages the payload describes. A thread list usually carries only some
   * (often the newest); a thread response carries all of them.
   */
  messages: GmailDataMessage[];
}

/** How well one payload could be read; counted into the page's health report. */
export interface GmailDataHealth {
  /** Payloads offered to the parser. */
  payloads: number;
  /** Payloads recognised as one of Gmail's formats. */
  recognised: number;
  /** Threads and messages found, and those dropped for a missing or invalid field. */
  threads: number;
  messages: number;
  dropped: number;
  /** Why payloads were refused (not Gmail's, too large, truncated, other account…), by reason. */
  refused: Record<string, number>;
  /** Why threads, messages and recipients were dropped (`thread-id`, `sender`, `time`, …), by reason. */
  droppedBy?: Record<string, number>;
}

export interface GmailDataReading {
  threads: GmailDataThread[];
  health: GmailDataHealth;
}
