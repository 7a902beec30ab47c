import PostalMime, { type Address, type Email } from 'postal-mime';
import type { MailAddress } from '@/lib/engine/types';

/** The headers Keepwarm keeps of an imported message, and a short snippet; never the body. */
export interface ImportedMessage {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  at: number;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  snippet: string;
  /** Gmail's thread id (`X-GM-THRID`), the decimal of the web UI's `thread-f:` id. */
  gmailThreadId?: string;
  /** Gmail Takeout's `X-Gmail-Labels`. */
  labels: string[];
  /** A digest of the kept body text: copies of one message share it, different messages rarely do. */
  bodyDigest: string;
}

export type ParseOutcome =
  | { message: ImportedMessage }
  | { skipped: 'no-date' | 'no-sender' | 'corrupt'; detail: string };

export const SNIPPET_LENGTH = 200;

function addresses(list: Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list ?? []) {
    const mailboxes = entry.group ?? [entry];
    for (const box of mailboxes) {
      const email = box.address?.trim().toLowerCase();
      if (email?.includes('@')) out.push(box.name ? { email, name: box.name } : { email });
    }
  }
  return out;
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

/** FNV-1a over a text: a short, stable digest (not a security measure). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value.trim();
}

/**
 * The readable start of a message: the text part, or the HTML reduced to text;
 * quoted replies and forwarded originals are cut, so cues are read in what the
 * sender wrote, not in what they quoted.
 */
export function snippetOf(email: Pick<Email, 'text' | 'html'>): string {
  const text =
    email.text ??
    (email.html ?? '')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const own: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*-{2,}\s*(original message|forwarded|пересланное|переслане)/i.test(line)) break;
    if (/^\s*On .+ wrote:\s*$/.test(line) || /^\s*>/.test(line)) continue;
    own.push(line);
  }
  const collapsed = own.join(' ').replace(/\s+/g, ' ').trim();
  return collapsed.length > SNIPPET_LENGTH ? `${collapsed.slice(0, SNIPPET_LENGTH - 1)}…` : collapsed;
}

/** Parses one raw message (headers and the kept start of the body). Never throws. */
export async function parseMessage(raw: Uint8Array): Promise<ParseOutcome> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { skipped: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  const at = email.date ? Date.parse(email.date) : Number.NaN;
  // A message without a readable date cannot be placed in time; it is counted, never given a made-up one.
  if (!Number.isFinite(at)) return { skipped: 'no-date', detail: email.date ?? 'no Date header' };
  const [from] = addresses(email.from ? [email.from] : undefined);
  if (!from) return { skipped: 'no-sender', detail: 'no From address' };
  const thread = header(email, 'x-gm-thrid');
  const labels = header(email, 'x-gmail-labels');
  const message: ImportedMessage = {
    references: messageIds(email.references),
    at,
    from,
    to: addresses(email.to),
    cc: addresses(email.cc),
    subject: (email.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000),
    snippet: snippetOf(email),
    bodyDigest: digest((email.text ?? email.html ?? '').replace(/\s+/g, ' ').trim()),
    labels: labels
      ? labels
          .split(',')
          .map((l) => l.trim().replace(/^"|"$/g, ''))
          .filter(Boolean)
      : [],
  };
  const messageId = messageIds(email.messageId)[0];
  if (messageId) message.messageId = messageId;
  const inReplyTo = messageIds(email.inReplyTo)[0];
  if (inReplyTo) message.inReplyTo = inReplyTo;
  if (thread && /^\d{1,25}$/.test(thread)) message.gmailThreadId = thread;
  return { message };
}
