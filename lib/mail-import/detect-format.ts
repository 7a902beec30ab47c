// Tells an mbox file from a single RFC 5322 message from anything else by
// looking only at the first bytes, so a wrong file is refused before work.

export type MailboxFormat = 'mbox' | 'eml';

export type FormatVerdict = { format: MailboxFormat } | { format: null; reason: string };

/** How many leading bytes `detectMailboxFormat` wants to see. */
export const SNIFF_BYTES = 8192;

const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const CONTINUATION = /^[ \t]/;
// Any one of these in the first header block is enough to call it mail; a
// plain "key: value" text file names none of them.
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'date',
  'subject',
  'message-id',
  'received',
  'return-path',
  'delivered-to',
  'mime-version',
  'x-gm-thrid',
  'x-gmail-labels',
]);

// latin1 maps every byte to one char, so offsets and line breaks survive any
// charset. One decoder for every check: a folder's files are each checked twice.
const latin1 = new TextDecoder('latin1');

export function detectMailboxFormat(head: Uint8Array): FormatVerdict {
  if (head.length === 0) return { format: null, reason: 'the file is empty' };
  if (head.includes(0)) return { format: null, reason: 'it contains binary data' };
  let text = latin1.decode(head);
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  text = text.replace(/^(\r?\n)+/, '');
  const lines = text.split(/\r?\n/);
  // The last line may be cut by the sniff window; judge only whole lines.
  if (lines.length > 1 && head.length >= SNIFF_BYTES) lines.pop();

  const first = lines[0] ?? '';
  if (first.startsWith('From ')) {
    const header = lines[1];
    if (header !== undefined && !HEADER_FIELD.test(header)) {
      return { format: null, reason: 'the line after the first "From " line is not a mail header' };
    }
    return { format: 'mbox' };
  }
  if (!HEADER_FIELD.test(first)) {
    return {
      format: null,
      reason: `it starts with ${JSON.stringify(first.slice(0, 40))}, not "From " or a mail header`,
    };
  }
  let sawMailHeader = false;
  for (const line of lines) {
    if (line === '') break;
    if (CONTINUATION.test(line)) continue;
    if (!HEADER_FIELD.test(line)) {
      return { format: null, reason: `${JSON.stringify(line.slice(0, 40))} is not a mail header line` };
    }
    const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
    if (MAIL_HEADERS.has(name)) sawMailHeader = true;
  }
  if (!sawMailHeader)
    return { format: null, reason: 'its header block has none of From, To, Date, Subject, Message-ID' };
  return { format: 'eml' };
}
