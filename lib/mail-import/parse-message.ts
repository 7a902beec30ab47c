// Turns one raw message (header block + start of body) into a plain record.
// postal-mime's header utilities decode RFC 2047 words (in any charset the
// platform's TextDecoder knows) and address lists, those that are more than
// plain addresses (simple-addresses.ts reads the rest). Its full parser is not
// used: on a header-and-snippet budget it costs ten times the rest of the import.

import { type Address, addressParser, decodeWords } from 'postal-mime';
import type { BulkEvidence, MailAddress } from '@/lib/engine/types';
import { bodyText } from './body-text';
import { bulkEvidence } from './bulk-headers';
import { contentKey } from './dedupe';
import { HeaderBlock } from './header-block';
import { IMPORTED_ADDRESS, MAX_ID_LENGTH, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH } from './limits';
import type { RawMessage } from './mbox-splitter';
import { parseMailDate } from './parse-date';
import { simpleAddressList } from './simple-addresses';
import { makeSnippet } from './snippet';

export interface ImportedMessage {
  /** Message-ID without angle brackets, when the message has one. */
  messageId?: string;
  /** Ids from In-Reply-To, without angle brackets. */
  inReplyTo: string[];
  /** Ids from References, oldest first, without angle brackets. */
  references: string[];
  /** Epoch milliseconds of the Date header. */
  at: number;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  /** Decoded subject with folding whitespace collapsed. */
  subject: string;
  snippet: string;
  /** Gmail labels (X-Gmail-Labels), decoded; empty outside Google Takeout. */
  labels: string[];
  /** X-GM-THRID: the decimal thread id Gmail's web UI shows as `thread-f:<id>`. */
  gmailThreadId?: string;
  /** Content key hash, see dedupe.ts. */
  dedupeKey: string;
  /** What its headers say: automated, to a list, or a calendar invitation (bulk-headers.ts). */
  bulk?: BulkEvidence;
}

export type ParseOutcome =
  | { kind: 'message'; message: ImportedMessage }
  | { kind: 'no-date'; reason: string }
  | { kind: 'corrupt'; reason: string };

/** `snippetFrom`: whether a message from this sender needs its snippet (else it is empty); all do by default. */
export function parseMessage(raw: RawMessage, snippetFrom?: (sender: string) => boolean): ParseOutcome {
  if (raw.headerTooLarge) return { kind: 'corrupt', reason: 'the header block is too large' };
  const headers = new HeaderBlock(raw.header);
  if (!headers.wellFormed) return { kind: 'corrupt', reason: 'it does not start with a mail header' };

  const from = firstMailbox(addresses(headers.all('from').slice(0, 1)));
  if (!from) return { kind: 'corrupt', reason: 'no sender address in From' };
  const dateValue = headers.get('date');
  if (dateValue === undefined) return { kind: 'no-date', reason: 'no Date header' };
  const at = parseMailDate(dateValue);
  if (at === undefined) return { kind: 'no-date', reason: `unreadable Date ${JSON.stringify(dateValue)}` };

  const subject = detached(
    decodeWords(headers.get('subject') ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_SUBJECT_LENGTH),
  );
  const messageId = messageIds(headers.get('message-id'))[0];
  const threadHeader = headers.get('x-gm-thrid');
  const gmailThreadId = threadHeader && /^\d+$/.test(threadHeader) ? detached(threadHeader) : undefined;
  const body =
    snippetFrom === undefined || snippetFrom(from.email)
      ? bodyText(
          { contentType: headers.get('content-type'), transferEncoding: headers.get('content-transfer-encoding') },
          raw.bodyStart,
        )
      : {};
  const message: ImportedMessage = {
    inReplyTo: messageIds(headers.get('in-reply-to')),
    references: messageIds(headers.get('references')),
    at,
    from,
    to: mailboxes(addresses(headers.all('to'))).slice(0, MAX_RECIPIENTS),
    cc: mailboxes(addresses(headers.all('cc'))).slice(0, MAX_RECIPIENTS),
    subject,
    snippet: makeSnippet(body.text, body.html),
    labels: gmailLabels(headers.get('x-gmail-labels')),
    dedupeKey: contentKey({ at, fromEmail: from.email, subject, bodyHash: raw.bodyHash }),
  };
  // The optional fields are added after the literal, not spread into it: an
  // object literal with spreads in it is built one property at a time, a cost
  // every message of an export pays.
  if (messageId) message.messageId = messageId;
  if (gmailThreadId) message.gmailThreadId = gmailThreadId;
  const bulk = bulkEvidence(headers, raw.bodyStart);
  if (bulk) message.bulk = bulk;
  return { kind: 'message', message };
}

function addresses(values: string[]): Address[] {
  return values.flatMap((value) => simpleAddressList(value) ?? addressParser(value));
}

function toMailAddress(address: string, name: string): MailAddress | undefined {
  const email = address.trim().toLowerCase();
  if (!IMPORTED_ADDRESS.test(email)) return undefined;
  const cleanName = name.replace(/\s+/g, ' ').trim().slice(0, 200);
  return cleanName ? { email, name: cleanName } : { email };
}

function firstMailbox(list: Address[]): MailAddress | undefined {
  return mailboxes(list)[0];
}

function mailboxes(addresses: Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const address of addresses ?? []) {
    for (const mailbox of address.group ?? [address]) {
      const parsed = toMailAddress(mailbox.address ?? '', mailbox.name);
      if (parsed) out.push(parsed);
    }
  }
  return out;
}

// Global, so `exec` walks a value's ids from `lastIndex`: every message has a
// few id headers, and a loop of exec costs less than an iterator of matches.
const BRACKETED_ID = /<([^<>\s]+)>/g;

function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed: string[] = [];
  BRACKETED_ID.lastIndex = 0;
  for (let match = BRACKETED_ID.exec(value); match; match = BRACKETED_ID.exec(value))
    bracketed.push(match[1] as string);
  const ids = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).filter((id) => id.includes('@'));
  return ids.filter((id) => id.length <= MAX_ID_LENGTH).map(detached);
}

/**
 * A copy of a string that does not keep its source alive. Engines return a
 * part of a string as a view into the whole, so an id kept for dedupe or
 * threading would hold its message's entire header block: across a Takeout of
 * a million messages, that is the difference between megabytes and a gigabyte.
 * Concatenating forces a flat copy, which the slice then views.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** X-Gmail-Labels is a comma-separated list in which labels with commas are quoted. */
function gmailLabels(value: string | undefined): string[] {
  if (!value) return [];
  const decoded = decodeWords(value);
  const labels = [...decoded.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((match) =>
    (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1').trim(),
  );
  return labels.filter((label) => label.length > 0).map(detached);
}
