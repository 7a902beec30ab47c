// Plain records the engine works on. They carry no DOM, storage or browser
// types, so the same code runs in the extension, the CLI and the tests.

export interface MailAddress {
  /** Lower-cased address. */
  email: string;
  /** Display name as written by the sender's client or shown by Gmail; may be empty. */
  name?: string;
}

/** One email, however it was seen: a Gmail page, an opened conversation or an import. */
export interface MailMessage {
  /** Stable key: Gmail's `msg-f:` decimal id when known, else the RFC 5322 Message-ID. */
  id: string;
  /** Gmail's `thread-f:` decimal id when known, else a thread key derived from headers. */
  threadId: string;
  /** Epoch milliseconds (UTC). */
  at: number;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** A short plain-text excerpt of the body (never the whole body). */
  snippet: string;
  /** Set when the message's own source says it is automated or bulk mail; never guessed from its text. */
  bulk?: BulkEvidence;
}

/**
 * Why a message is automated or bulk, as its source states it: Gmail's inbox
 * category (from the page or Gmail's data), a mailing-list or automation header
 * of an imported message, or a calendar invitation.
 */
export type BulkEvidence =
  | { kind: 'gmail-category'; category: 'promotions' | 'social' | 'updates' | 'forums' }
  | { kind: 'header'; header: 'list-id' | 'list-unsubscribe' | 'precedence' | 'auto-submitted' }
  | { kind: 'calendar' };

/** Who the user is for one mail account. */
export interface AccountIdentity {
  /** The account's own address and its aliases, lower-cased. */
  addresses: string[];
  /** Domains whose people are colleagues, not clients (lower-cased, registrable). */
  internalDomains: string[];
}
