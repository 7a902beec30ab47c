import { MAX_PAYLOAD_CHARS } from '@/lib/sites/gmail/page-data/limits';

// The one narrow channel between the page-world observer of Gmail's own data
// and the isolated content script: a CustomEvent on the page's document whose
// detail is a single string. Any script in the page can dispatch the same
// event, so the receiving side treats every detail as untrusted. Imports only
// constants: the page-world script bundles this file and must stay tiny.

/** Page world → isolated world: one copy of data Gmail received. */
export const GMAIL_DATA_EVENT = 'keepwarm:gmail-data';
/** Isolated world → page world: the receiver listens now; data held since document_start can come. */
export const GMAIL_DATA_READY_EVENT = 'keepwarm:gmail-data-ready';

/** The largest text handed over, in UTF-16 code units: the parser's own limit; a larger one is not read at all. */
export const MAX_DATA_CHARS = MAX_PAYLOAD_CHARS;

/** Data held by the page-world script until the receiver says it listens. */
export const MAX_HELD_PAYLOADS = 16;

/**
 * What the text is: a response to one of Gmail's own requests (with that
 * request's URL), the data Gmail's page hands to `_GM_setData` at first load
 * (with the page's URL), or a payload too large to hand over (text left empty).
 */
export type GmailDataKind = 'response' | 'page-data' | 'too-large';

const KINDS: readonly string[] = ['response', 'page-data', 'too-large'] satisfies GmailDataKind[];

export interface GmailDataDetail {
  kind: GmailDataKind;
  url: string;
  text: string;
}

// `<kind>\n<url>\n<text>`: a URL holds no line break, and a plain string
// crosses between the worlds in every browser without a structured copy.
export function encodeGmailData({ kind, url, text }: GmailDataDetail): string {
  return `${kind}\n${url}\n${text}`;
}

/** Reads a detail back, or says why it is not one: a page script can dispatch anything. */
export function decodeGmailData(detail: unknown): GmailDataDetail | { refused: string } {
  if (typeof detail !== 'string') return { refused: 'not-text' };
  if (detail.length > MAX_DATA_CHARS + 10_000) return { refused: 'too-large' };
  const kindEnd = detail.indexOf('\n');
  const urlEnd = kindEnd < 0 ? -1 : detail.indexOf('\n', kindEnd + 1);
  if (urlEnd < 0 || urlEnd - kindEnd > 8_000) return { refused: 'malformed' };
  const kind = detail.slice(0, kindEnd);
  if (!KINDS.includes(kind)) return { refused: 'malformed' };
  const text = detail.slice(urlEnd + 1);
  if (text.length > MAX_DATA_CHARS) return { refused: 'too-large' };
  return { kind: kind as GmailDataKind, url: detail.slice(kindEnd + 1, urlEnd), text };
}
