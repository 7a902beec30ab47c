// What an imported message's own headers say about it: sent by a machine
// (Auto-Submitted), to a list (List-Id, Precedence, List-Unsubscribe), or a
// calendar invitation. Read from headers and MIME structure only, never from
// the text: the engine sets such mail aside (sender-kind.ts).
import type { BulkEvidence } from '@/lib/engine/types';
import { hasCalendarRequest } from './body-text';
import type { HeaderBlock } from './header-block';

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/** The strongest statement first: a machine sent it, then an invitation, then a list. */
export function bulkEvidence(headers: HeaderBlock, bodyStart: Uint8Array): BulkEvidence | undefined {
  const present = (name: string) => (headers.get(name)?.trim() ?? '') !== '';
  // RFC 3834: any value but "no" (with or without comments after it) is a machine's message.
  const autoSubmitted = headers.get('auto-submitted')?.split(/[;(]/)[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'header', header: 'auto-submitted' };
  const contentType = headers.get('content-type');
  if (contentType && /calendar|multipart/i.test(contentType)) {
    const part = { contentType, transferEncoding: headers.get('content-transfer-encoding') };
    if (hasCalendarRequest(part, bodyStart)) return { kind: 'calendar' };
  }
  if (present('list-id')) return { kind: 'header', header: 'list-id' };
  const precedence = headers.get('precedence')?.trim().toLowerCase();
  if (precedence && BULK_PRECEDENCE.has(precedence)) return { kind: 'header', header: 'precedence' };
  if (present('list-unsubscribe')) return { kind: 'header', header: 'list-unsubscribe' };
  return undefined;
}
