// Cuts a byte stream into messages without ever holding a whole message, let
// alone a whole file: each message keeps its header block in full, the first
// bytes of its body (enough for a snippet) and a fingerprint of the entire body.
// It works on bytes, so chunks may end anywhere: mid-line, mid-separator or in
// the middle of a multi-byte character.

import { ByteBuffer } from './byte-buffer';
import { concatBytes } from './byte-reader';
import type { MailboxFormat } from './detect-format';
import { StreamingHash } from './streaming-hash';

export interface RawMessage {
  /** The header block, including the blank line that ends it when there is one. */
  header: Uint8Array;
  /** The first bytes of the body, with mbox `>From ` escaping undone. */
  bodyStart: Uint8Array;
  /** Size of the whole body after unescaping; more than `bodyStart` when it was cut. */
  bodyBytes: number;
  /** Fingerprint of the whole body, blind to CRLF/LF and trailing blank lines. */
  bodyHash: string;
  /** The header block was over the limit and was dropped: the message cannot be read. */
  headerTooLarge: boolean;
  /** Byte offset of the message (its `From ` line in an mbox) in the input. */
  offset: number;
  /** Bytes the message takes in the input, `From ` line included. */
  length: number;
}

export interface SplitterLimits {
  /** Larger header blocks make the message unreadable rather than exhaust memory. */
  maxHeaderBytes?: number;
  /** How much of each body is kept for the snippet. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_HEADER_BYTES = 512 * 1024;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
// Lines longer than this (base64 without breaks, minified HTML) are passed on
// in pieces so that one line cannot grow the carry without bound.
const MAX_CARRY_BYTES = 64 * 1024;
// A real "From " separator line is short; this bounds the text decoded to check one.
const MAX_SEPARATOR_BYTES = 1024;

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const F = 0x46;
const FROM_SPACE = [0x46, 0x72, 0x6f, 0x6d, 0x20];
// `From <sender> <asctime>`: the sender may be empty or "-" (Thunderbird); a time of day is always there.
export const SEPARATOR = /^From \S*\s.*\d{1,2}:\d\d/;
// One decoder for every check: a new one per separator line costs more than the check.
const latin1 = new TextDecoder('latin1');

type State = 'before-first' | 'header' | 'body';

export class MboxSplitter {
  private readonly maxHeaderBytes: number;
  private readonly maxBodyBytes: number;
  private readonly header = new ByteBuffer();
  private readonly body = new ByteBuffer();
  private hash = new StreamingHash();
  private state: State;
  private headerTooLarge = false;
  private bodyBytes = 0;
  private messageOffset = 0;
  private previousLineBlank = false;
  private consumed = 0;
  private carry: Uint8Array[] = [];
  private carryLength = 0;
  private carryOffset = 0;
  // False right after an over-long line was passed on in pieces.
  private atLineStart = true;
  private out: RawMessage[] = [];

  constructor(
    private readonly format: MailboxFormat,
    limits: SplitterLimits = {},
  ) {
    this.maxHeaderBytes = limits.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
    this.maxBodyBytes = limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.state = format === 'mbox' ? 'before-first' : 'header';
  }

  /** Bytes taken in so far: the progress offset in the input. */
  get bytesConsumed(): number {
    return this.consumed;
  }

  /** Takes the next chunk and returns the messages it completed. */
  push(chunk: Uint8Array): RawMessage[] {
    const base = this.consumed;
    let pos = 0;
    while (pos < chunk.length) {
      const newline = chunk.indexOf(LF, pos);
      if (newline === -1) {
        this.addToCarry(chunk, pos, base + pos);
        break;
      }
      const end = newline + 1;
      if (this.carryLength > 0) {
        this.carry.push(chunk.subarray(pos, end));
        const line = concatBytes(this.carry);
        this.resetCarry();
        this.line(line, 0, line.length, this.atLineStart, true, this.carryOffset);
      } else if (this.state === 'body' && this.atLineStart) {
        pos = this.bodyRun(chunk, pos, base);
        continue;
      } else if (this.state === 'header' && this.atLineStart) {
        pos = this.headerRun(chunk, pos);
        continue;
      } else {
        this.line(chunk, pos, end, this.atLineStart, true, base + pos);
      }
      this.atLineStart = true;
      pos = end;
    }
    this.consumed += chunk.length;
    return this.drain();
  }

  /** Signals the end of the input and returns the last message. */
  end(): RawMessage[] {
    if (this.carryLength > 0) {
      const line = concatBytes(this.carry);
      this.resetCarry();
      this.line(line, 0, line.length, this.atLineStart, false, this.carryOffset);
    }
    // An empty .eml input holds no message; an mbox one never left 'before-first'.
    if (this.state !== 'before-first' && this.consumed > 0) this.finish(this.consumed);
    return this.drain();
  }

  /**
   * The common case, taken in one go: whole body lines that can be neither a
   * separator nor an escaped `>From `. Returns where the ordinary lines end.
   */
  private bodyRun(chunk: Uint8Array, start: number, base: number): number {
    let pos = start;
    let blank = this.previousLineBlank;
    for (;;) {
      const newline = chunk.indexOf(LF, pos);
      if (newline === -1) break;
      const first = chunk[pos];
      if (first === GT || (first === F && blank && this.format === 'mbox')) break;
      const length = newline + 1 - pos;
      blank = length === 1 || (length === 2 && first === CR);
      pos = newline + 1;
    }
    if (pos > start) {
      this.appendBody(chunk, start, pos);
      this.previousLineBlank = blank;
    }
    if (pos < chunk.length && chunk.indexOf(LF, pos) !== -1) {
      const end = chunk.indexOf(LF, pos) + 1;
      this.line(chunk, pos, end, true, true, base + pos);
      return end;
    }
    return pos;
  }

  /**
   * The header lines of the chunk up to the blank line that ends them, taken
   * in one go (no header line can be a separator). Returns where they end.
   */
  private headerRun(chunk: Uint8Array, start: number): number {
    let pos = start;
    let blank = false;
    for (;;) {
      const newline = chunk.indexOf(LF, pos);
      if (newline === -1) break;
      const length = newline + 1 - pos;
      blank = length === 1 || (length === 2 && chunk[pos] === CR);
      pos = newline + 1;
      if (blank) break;
    }
    this.appendHeader(chunk, start, pos);
    this.previousLineBlank = blank;
    if (blank) this.state = 'body';
    return pos;
  }

  private addToCarry(chunk: Uint8Array, pos: number, offset: number): void {
    if (this.carryLength === 0) this.carryOffset = offset;
    // Copied: the producer may reuse its chunk buffer once we return.
    this.carry.push(chunk.slice(pos));
    this.carryLength += chunk.length - pos;
    if (this.carryLength > MAX_CARRY_BYTES) {
      const piece = concatBytes(this.carry);
      this.resetCarry();
      this.line(piece, 0, piece.length, this.atLineStart, false, this.carryOffset);
      this.atLineStart = false;
    }
  }

  private resetCarry(): void {
    this.carry = [];
    this.carryLength = 0;
  }

  private line(bytes: Uint8Array, start: number, end: number, atLineStart: boolean, complete: boolean, offset: number) {
    const blank = atLineStart && complete && (end - start === 1 || (end - start === 2 && bytes[start] === CR));
    const separator =
      this.format === 'mbox' &&
      atLineStart &&
      (this.state === 'before-first' || (this.state === 'body' && this.previousLineBlank)) &&
      isSeparator(bytes, start, end);

    if (separator) {
      if (this.state !== 'before-first') this.finish(offset);
      this.startMessage(offset);
      return;
    }
    if (this.state === 'before-first') return;
    if (this.state === 'header') {
      this.appendHeader(bytes, start, end);
      if (blank) this.state = 'body';
      this.previousLineBlank = blank;
      return;
    }
    const from = this.format === 'mbox' && atLineStart && isEscapedFrom(bytes, start, end) ? start + 1 : start;
    this.appendBody(bytes, from, end);
    this.previousLineBlank = blank;
  }

  private startMessage(offset: number): void {
    this.state = 'header';
    this.messageOffset = offset;
    this.previousLineBlank = false;
  }

  private appendHeader(bytes: Uint8Array, start: number, end: number): void {
    if (this.headerTooLarge) return;
    if (this.header.length + end - start > this.maxHeaderBytes) {
      this.headerTooLarge = true;
      this.header.clear();
      return;
    }
    this.header.append(bytes, start, end);
  }

  private appendBody(bytes: Uint8Array, start: number, end: number): void {
    this.hash.updateText(bytes, start, end);
    this.bodyBytes += end - start;
    const room = this.maxBodyBytes - this.body.length;
    if (room > 0) this.body.append(bytes, start, Math.min(end, start + room));
  }

  private finish(endOffset: number): void {
    this.out.push({
      header: this.header.take(),
      bodyStart: this.body.take(),
      bodyBytes: this.bodyBytes,
      bodyHash: this.hash.digest(),
      headerTooLarge: this.headerTooLarge,
      offset: this.messageOffset,
      length: endOffset - this.messageOffset,
    });
    this.hash = new StreamingHash();
    this.headerTooLarge = false;
    this.bodyBytes = 0;
  }

  private drain(): RawMessage[] {
    const done = this.out;
    this.out = [];
    return done;
  }
}

function isSeparator(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start > MAX_SEPARATOR_BYTES || !startsWithFromSpace(bytes, start, end)) return false;
  return SEPARATOR.test(latin1.decode(bytes.subarray(start, end)));
}

/** mboxrd: a body line `>From `, `>>From `... was written with one extra `>`. */
function isEscapedFrom(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end && bytes[i] === GT) i++;
  return i > start && startsWithFromSpace(bytes, i, end);
}

function startsWithFromSpace(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < FROM_SPACE.length) return false;
  for (let i = 0; i < FROM_SPACE.length; i++) if (bytes[start + i] !== FROM_SPACE[i]) return false;
  return true;
}
