// The same message often sits in several folders of one export (Inbox and All
// Documents, Sent and Sent Items), and some exporters give each copy its own
// Message-ID. So two messages are one when either
//   - they carry the same Message-ID, or
//   - they share the content key: the sending time (epoch ms of Date), the
//     sender's address (lower-cased), the normalized subject (no Re:/Fwd:
//     prefixes, tags, case or spacing differences) and a fingerprint of the
//     whole body (CRLF/LF and trailing blank lines ignored).
// Only 64-bit hashes of the content key and of the Message-ID are kept, in
// typed arrays: memory grows by a few dozen bytes per distinct message, not
// with message or id size.

import { HashIndex } from './hash-index';
import { hashText, hashTextPair } from './streaming-hash';
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
  private readonly keys = new HashIndex();
  private readonly messageIds = new HashIndex();

  /** True when an equal message was seen before; otherwise remembers this one and returns false. */
  isDuplicate(message: { dedupeKey: string; messageId?: string }): boolean {
    const key = halvesOfHex(message.dedupeKey);
    if (this.keys.get(key[0], key[1]) !== -1) return true;
    const id = message.messageId ? hashTextPair(message.messageId) : undefined;
    if (id && this.messageIds.get(id[0], id[1]) !== -1) return true;
    this.keys.set(key[0], key[1], 0);
    if (id) this.messageIds.set(id[0], id[1], 0);
    return false;
  }
}

/** A 16-hex-digit key as its two 32-bit halves; any other key is hashed first. */
function halvesOfHex(key: string): [number, number] {
  if (!/^[0-9a-f]{16}$/.test(key)) return hashTextPair(key);
  return [Number.parseInt(key.slice(0, 8), 16), Number.parseInt(key.slice(8), 16)];
}
