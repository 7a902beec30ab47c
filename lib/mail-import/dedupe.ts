// The same message often sits in several folders of one export (Inbox and All
// Documents, Sent and Sent Items), and some exporters give each copy its own
// Message-ID. So two messages are one when either
//   - they carry the same Message-ID, or
//   - they share the content key: the sending time (epoch ms of Date), the
//     sender's address (lower-cased), the normalized subject (no Re:/Fwd:
//     prefixes, tags, case or spacing differences) and a fingerprint of the
//     whole body (CRLF/LF and trailing blank lines ignored).
// Only the 16-hex-digit hash of the content key is kept, so memory grows by a
// few dozen bytes per distinct message, not with message size.

import { hashText } from './streaming-hash';
import { normalizeSubject } from './subject';

export interface DedupeFields {
  at: number;
  fromEmail: string;
  subject: string;
  bodyHash: string;
}

export function contentKey({ at, fromEmail, subject, bodyHash }: DedupeFields): string {
  return hashText([String(at), fromEmail, normalizeSubject(subject), bodyHash].join('\u0000'));
}

export class Deduper {
  private readonly keys = new Set<string>();
  private readonly messageIds = new Set<string>();

  /** True when an equal message was seen before; otherwise remembers this one and returns false. */
  isDuplicate(message: { dedupeKey: string; messageId?: string }): boolean {
    if (this.keys.has(message.dedupeKey)) return true;
    if (message.messageId && this.messageIds.has(message.messageId)) return true;
    this.keys.add(message.dedupeKey);
    if (message.messageId) this.messageIds.add(message.messageId);
    return false;
  }
}
