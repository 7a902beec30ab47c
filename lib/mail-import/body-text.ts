// The readable text at the start of a body, for the snippet. A full MIME
// parser spends most of its time on parts a snippet never shows (attachments,
// alternative HTML), so this walks only what it needs: the first text/plain
// part, else the first text/html part, decoding its transfer encoding and charset.

export interface BodyText {
  text?: string;
  html?: string;
}

export interface PartHeaders {
  contentType?: string;
  transferEncoding?: string;
}

const MAX_DEPTH = 8;

export function bodyText(headers: PartHeaders, body: Uint8Array): BodyText {
  return walk(headers, body, 0) ?? {};
}

function walk(headers: PartHeaders, body: Uint8Array, depth: number): BodyText | undefined {
  const type = parseContentType(headers.contentType);
  if (type.mime.startsWith('multipart/')) {
    const boundary = type.params.boundary;
    if (!boundary || depth >= MAX_DEPTH) return undefined;
    let html: BodyText | undefined;
    for (const part of splitMultipart(body, boundary)) {
      const found = walk(part.headers, part.body, depth + 1);
      if (found?.text?.trim()) return found;
      html ??= found?.html ? found : undefined;
    }
    return html;
  }
  if (type.mime !== 'text/plain' && type.mime !== 'text/html') return undefined;
  const decoded = decodeCharset(decodeTransfer(body, headers.transferEncoding), type.params.charset);
  return type.mime === 'text/html' ? { html: decoded } : { text: decoded };
}

/**
 * True when the body holds a calendar invitation: a `text/calendar` part whose
 * method is REQUEST (in its Content-Type, or its first METHOD line), as far as
 * the start of the body kept goes.
 */
export function hasCalendarRequest(headers: PartHeaders, body: Uint8Array): boolean {
  return findRequest(headers, body, 0);
}

function findRequest(headers: PartHeaders, body: Uint8Array, depth: number): boolean {
  const type = parseContentType(headers.contentType);
  if (type.mime === 'text/calendar') {
    const method =
      type.params.method ??
      /^METHOD:([^\r\n]*)/m.exec(binaryString(decodeTransfer(body, headers.transferEncoding)))?.[1];
    return method?.trim().toUpperCase() === 'REQUEST';
  }
  if (!type.mime.startsWith('multipart/') || !type.params.boundary || depth >= MAX_DEPTH) return false;
  return splitMultipart(body, type.params.boundary).some((part) => findRequest(part.headers, part.body, depth + 1));
}

interface ContentType {
  mime: string;
  params: Record<string, string>;
}

function parseContentType(value: string | undefined): ContentType {
  if (!value) return { mime: 'text/plain', params: {} };
  const [mime = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const match of rest.join(';').matchAll(/([\w.*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/g)) {
    params[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return { mime: mime.trim().toLowerCase(), params };
}

interface Part {
  headers: PartHeaders;
  body: Uint8Array;
}

// Parts are cut on a one-char-per-byte string so byte values survive the round trip.
function splitMultipart(body: Uint8Array, boundary: string): Part[] {
  const text = binaryString(body);
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  let at = text.indexOf(delimiter);
  while (at !== -1) {
    const lineEnd = text.indexOf('\n', at);
    if (text.startsWith(`${delimiter}--`, at) || lineEnd === -1) break;
    const next = text.indexOf(`\n${delimiter}`, lineEnd);
    // The body kept for a message may end mid-part; the part then runs to the end.
    const end = next === -1 ? text.length : next;
    parts.push(parsePart(text.slice(lineEnd + 1, end)));
    at = next === -1 ? -1 : next + 1;
  }
  return parts;
}

function parsePart(text: string): Part {
  const split = /\r?\n\r?\n/.exec(text);
  const headerText = split ? text.slice(0, split.index) : text;
  const bodyText = split ? text.slice(split.index + split[0].length) : '';
  const headers: PartHeaders = {};
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-type') headers.contentType = value;
    else if (name === 'content-transfer-encoding') headers.transferEncoding = value;
  }
  return { headers, body: binaryBytes(bodyText) };
}

function decodeTransfer(body: Uint8Array, encoding: string | undefined): Uint8Array {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return decodeBase64(binaryString(body));
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  // A cut body leaves an incomplete last group; it is dropped, not guessed.
  const whole = clean.slice(0, clean.length - (clean.length % 4));
  return binaryBytes(atob(whole));
}

function decodeQuotedPrintable(body: Uint8Array): Uint8Array {
  // Byte by byte, as every body of an export may pass here: soft line breaks
  // (`=` at a line's end) go first, then each `=XX` becomes its byte.
  const unwrapped = new Uint8Array(body.length);
  let length = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte === EQUALS) {
      if (body[i + 1] === LF) {
        i += 1;
        continue;
      }
      if (body[i + 1] === CR && body[i + 2] === LF) {
        i += 2;
        continue;
      }
    }
    unwrapped[length++] = byte;
  }
  const out = new Uint8Array(length);
  let written = 0;
  for (let i = 0; i < length; i++) {
    const byte = unwrapped[i] as number;
    const high = byte === EQUALS ? hexValue(unwrapped[i + 1]) : -1;
    const low = high >= 0 && i + 2 < length ? hexValue(unwrapped[i + 2]) : -1;
    if (low >= 0) {
      out[written++] = (high << 4) | low;
      i += 2;
    } else {
      out[written++] = byte;
    }
  }
  return out.subarray(0, written);
}

const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

/** The value of one hex digit's byte, or -1. */
function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

// One decoder per charset label, kept: a mailbox names a handful of charsets
// across thousands of parts. Only labels TextDecoder knows are kept, and only
// so many, so what the messages name cannot grow this without bound.
const decoders = new Map<string, TextDecoder>();
const MAX_DECODERS = 64;
const UTF8 = new TextDecoder('utf-8');

function decoderFor(charset: string | undefined): TextDecoder {
  const label = charset?.trim() || 'utf-8';
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      // An unknown or misspelt charset: UTF-8 shows ASCII text right and marks the rest.
      return UTF8;
    }
    if (decoders.size < MAX_DECODERS) decoders.set(label, decoder);
  }
  return decoder;
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  return decoderFor(charset).decode(bytes);
}

// TextDecoder's "latin1" is really windows-1252 and would remap bytes 0x80-0x9F.
function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function binaryBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
