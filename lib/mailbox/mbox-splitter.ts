// Splits an mbox byte stream into messages without ever holding the file:
// chunks may end anywhere (mid-line, mid-separator, mid UTF-8 character), and
// each message keeps its whole header block but only the start of its body —
// enough for a snippet. A message starts at a `From ` line at the file's start
// or after an empty line (mboxo/mboxrd); `>From ` body lines lose one `>`.

const LF = 10;
const CR = 13;
const FROM = [70, 114, 111, 109, 32]; // "From "
/** Body bytes kept per message: the snippet needs the first lines only. */
export const BODY_BYTES_KEPT = 16 * 1024;
/** A header block longer than this is not mail; the message is cut there. */
const HEADER_BYTES_LIMIT = 256 * 1024;

export interface RawMessage {
  /** Header block and the kept start of the body, as one RFC 5322 text. */
  bytes: Uint8Array;
  /** Byte offset of the message's `From ` line in the stream. */
  offset: number;
  /** True when the body was longer than what was kept. */
  truncated: boolean;
}

interface OpenMessage {
  parts: Uint8Array[];
  length: number;
  inHeaders: boolean;
  bodyLength: number;
  truncated: boolean;
  offset: number;
}

function startsWithFrom(line: Uint8Array, from = 0): boolean {
  if (line.length - from < FROM.length) return false;
  for (let i = 0; i < FROM.length; i++) if (line[from + i] !== FROM[i]) return false;
  return true;
}

function isEscapedFrom(line: Uint8Array): boolean {
  let i = 0;
  while (line[i] === 62) i += 1; // ">"
  return i > 0 && startsWithFrom(line, i);
}

function isBlank(line: Uint8Array): boolean {
  return line.length === 0 || (line.length === 1 && line[0] === CR);
}

/** Joins byte arrays of known total length. */
export function concatBytes(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const NEWLINE = new Uint8Array([LF]);

export class MboxSplitter {
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private previousBlank = true;
  private current?: OpenMessage;

  /** Feeds one chunk; returns the messages it completed. */
  push(chunk: Uint8Array): RawMessage[] {
    const done: RawMessage[] = [];
    const data = this.carry.length > 0 ? concatBytes([this.carry, chunk], this.carry.length + chunk.length) : chunk;
    let start = 0;
    for (let end = data.indexOf(LF, start); end !== -1; end = data.indexOf(LF, start)) {
      this.line(data.subarray(start, end), done);
      this.offset += end + 1 - start;
      start = end + 1;
    }
    // The unfinished last line waits for the next chunk (copied, so the chunk can be released).
    this.carry = data.slice(start);
    return done;
  }

  /** Ends the stream; returns the last message. */
  end(): RawMessage[] {
    const done: RawMessage[] = [];
    if (this.carry.length > 0) this.line(this.carry, done);
    this.carry = new Uint8Array(0);
    this.finish(done);
    return done;
  }

  private line(raw: Uint8Array, done: RawMessage[]): void {
    if (this.previousBlank && startsWithFrom(raw)) {
      this.finish(done);
      this.current = { parts: [], length: 0, inHeaders: true, bodyLength: 0, truncated: false, offset: this.offset };
      this.previousBlank = false;
      return;
    }
    this.previousBlank = isBlank(raw);
    const message = this.current;
    if (!message) return;
    const line = !message.inHeaders && isEscapedFrom(raw) ? raw.subarray(1) : raw;
    if (message.inHeaders) {
      if (this.previousBlank) message.inHeaders = false;
      if (message.length > HEADER_BYTES_LIMIT) {
        message.inHeaders = false;
        message.truncated = true;
        return;
      }
    } else {
      if (message.bodyLength >= BODY_BYTES_KEPT) {
        message.truncated = true;
        return;
      }
      message.bodyLength += line.length + 1;
    }
    // Copy: the chunk the line points into is reused by the caller.
    message.parts.push(line.slice(), NEWLINE);
    message.length += line.length + 1;
  }

  private finish(done: RawMessage[]): void {
    const message = this.current;
    this.current = undefined;
    if (!message || message.length === 0) return;
    done.push({
      bytes: concatBytes(message.parts, message.length),
      offset: message.offset,
      truncated: message.truncated,
    });
  }
}

/** True when the first bytes look like an mbox file (a `From ` line). */
export function looksLikeMbox(head: Uint8Array): boolean {
  return startsWithFrom(head);
}

/** True when the first bytes look like one RFC 5322 message (an .eml): a header line. */
export function looksLikeMessage(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 1024));
  return /^[\x21-\x39\x3b-\x7e]+:[ \t]?\S?/.test(text);
}
