// The snippet is what a person would read first: the new text of the message,
// not the quoted conversation below it nor the signature.

import { htmlToText } from './html-to-text';

export const SNIPPET_LENGTH = 200;

// Lines where the quoted earlier message begins (English, Outlook, Ukrainian, Russian clients).
const QUOTE_STARTS = [
  /^-{2,}\s*original message\s*-{2,}/i,
  /^-{2,}\s*forwarded message\s*-{2,}/i,
  /^-{2,}\s*(исходное сообщение|пересылаемое сообщение|вихідне повідомлення)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^on .{0,200}wrote:\s*$/i,
  /^.{0,200}(пишет|писал|написал\(а\)|написав|пише):\s*$/i,
  /^from:\s.+\s(sent|date):\s/i,
];
const SIGNATURE_START = /^--\s?$/;
// Header lines of a forwarded or quoted message ("From: ...", "Sent: ...").
const QUOTED_HEADER = /^(from|sent|date|to|cc|subject|от|отправлено|дата|кому|копия|тема|від|надіслано|копія):/i;

export function makeSnippet(text: string | undefined, html: string | undefined, length = SNIPPET_LENGTH): string {
  const source = text?.trim() ? text : html ? htmlToText(html) : '';
  const kept: string[] = [];
  let keptLength = 0;
  let lineStart = 0;
  // Line by line and only as far as needed: bodies can be long, snippets are not.
  while (lineStart < source.length && keptLength <= length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const line = source.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const trimmed = line.trim();
    const boundary =
      SIGNATURE_START.test(line) || (mayStartQuote(trimmed) && QUOTE_STARTS.some((start) => start.test(trimmed)));
    // A bare forward has no text of its own: then the forwarded text is the best snippet.
    if (boundary && keptLength > 0) break;
    if (boundary || trimmed === '' || trimmed.startsWith('>') || (keptLength === 0 && QUOTED_HEADER.test(trimmed))) {
      continue;
    }
    kept.push(trimmed);
    keptLength += trimmed.length + 1;
  }
  return shorten(kept.join(' ').replace(/\s+/g, ' ').trim(), length);
}

/**
 * Whether a trimmed line can match QUOTE_STARTS at all: each of them starts
 * with a dash, an underscore or "from:", or ends with a colon. Most lines do
 * neither, and the patterns that scan up to 200 characters are then skipped.
 */
function mayStartQuote(trimmed: string): boolean {
  const first = trimmed[0];
  return first === '-' || first === '_' || trimmed.endsWith(':') || /^from:/i.test(trimmed);
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  // Cut after length - 1 code points, never inside a surrogate pair.
  let end = 0;
  for (let points = 0; points < length - 1 && end < text.length; points++) {
    const high = text.charCodeAt(end);
    const low = text.charCodeAt(end + 1);
    end += high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  const cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
