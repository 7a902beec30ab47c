// The framing and syntax of Gmail's older API responses: `)]}'` (a guard
// against reading them as script), then one or more chunks, each an array
// literal, optionally preceded by a line with its length. The literals are
// JavaScript, not JSON: they may leave array slots empty (`[,,1]`) and quote
// strings with single quotes. Chunks are found by their brackets, not by the
// length lines, whose unit and exact span Gmail has varied.

import { MAX_SCRIPT_CHUNK_CHARS } from './limits';

const GUARD = ")]}'";
/** A response holds a handful of chunks; thousands is not Gmail's. */
const MAX_CHUNKS = 200;

export type Deframed = { chunks: unknown[] } | 'truncated' | 'not-gmail' | 'too-large';

export function hasLegacyGuard(text: string, start: number): boolean {
  return text.startsWith(GUARD, start);
}

/** Index just past the array literal starting at `start` (single quotes allowed), or -1 when the text ends first. */
function literalEnd(text: string, start: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 0x5c) i++;
      else if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x5b || ch === 0x7b) depth++;
    else if (ch === 0x5d || ch === 0x7d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const isSpace = (ch: number) => ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;

/**
 * JSON text for a JavaScript array literal of Gmail's: empty slots become null,
 * single-quoted strings double-quoted, `\'` and `\xHH` escapes and raw control
 * characters rewritten, white space outside strings dropped.
 */
export function literalToJson(literal: string): string {
  const out: string[] = [];
  let run = 0;
  let quote = 0;
  let previous = 0;
  const flush = (i: number, replacement: string) => {
    out.push(literal.slice(run, i), replacement);
  };
  for (let i = 0; i < literal.length; i++) {
    const ch = literal.charCodeAt(i);
    if (quote) {
      if (ch === 0x5c) {
        const next = literal.charAt(i + 1);
        if (next === "'") {
          flush(i, "'");
          run = i + 2;
        } else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(literal.slice(i + 2, i + 4))) {
          flush(i, `\\u00${literal.slice(i + 2, i + 4)}`);
          run = i + 4;
        }
        i++;
      } else if (ch === quote) {
        quote = 0;
        if (ch === 0x27) {
          flush(i, '"');
          run = i + 1;
        }
      } else if (ch === 0x22) {
        flush(i, '\\"');
        run = i + 1;
      } else if (ch < 0x20) {
        flush(i, `\\u${ch.toString(16).padStart(4, '0')}`);
        run = i + 1;
      }
      continue;
    }
    if (isSpace(ch)) {
      flush(i, '');
      run = i + 1;
      continue;
    }
    // `[,` and `,,` leave a slot empty; `,]` too (as Gmail's own readers take it); `[]` is empty, not a slot.
    if ((ch === 0x2c && (previous === 0x5b || previous === 0x2c)) || (ch === 0x5d && previous === 0x2c)) {
      flush(i, 'null');
      run = i;
    }
    if (ch === 0x27) {
      flush(i, '"');
      run = i + 1;
      quote = ch;
    } else if (ch === 0x22) quote = ch;
    previous = ch;
  }
  out.push(literal.slice(run));
  return out.join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The chunk starting at `start`: first as Gmail's framing says (the span its
 * length line gives, or the rest of a response sent as one chunk), which is
 * JSON on every response since about 2018 and costs one JSON.parse; otherwise
 * found by its brackets and, when it is JavaScript, rewritten to JSON.
 */
function readChunk(
  text: string,
  start: number,
  span: number | undefined,
): { value: unknown; end: number } | 'truncated' | 'not-gmail' | 'too-large' {
  const hinted = span === undefined ? text.length : Math.min(text.length, start + span);
  const fast = parseJson(text.slice(start, hinted));
  if (fast !== undefined) return { value: fast, end: hinted };
  const end = literalEnd(text, start);
  if (end < 0) return 'truncated';
  const literal = text.slice(start, end);
  const json = parseJson(literal);
  if (json !== undefined) return { value: json, end };
  if (literal.length > MAX_SCRIPT_CHUNK_CHARS) return 'too-large';
  const value = parseJson(literalToJson(literal));
  return value === undefined ? 'not-gmail' : { value, end };
}

/** The chunks of a `)]}'` response, parsed; `start` is where the guard begins. */
export function deframe(text: string, start: number): Deframed {
  const chunks: unknown[] = [];
  let i = start + GUARD.length;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    // A length line counts from the line break that ends it.
    const digits = /^\d{1,9}/.exec(text.slice(i, i + 12))?.[0];
    if (digits !== undefined && i + digits.length >= text.length) return 'truncated';
    const length =
      digits !== undefined && /^\r?\n/.test(text.slice(i + digits.length, i + digits.length + 2)) ? digits : undefined;
    let span: number | undefined;
    if (length !== undefined) {
      i = text.indexOf('\n', i);
      span = Number(length);
      while (i < text.length && isSpace(text.charCodeAt(i))) {
        i++;
        span--;
      }
    }
    // A length line with no chunk after it is a response cut short.
    if (i >= text.length) return length === undefined ? { chunks } : 'truncated';
    if (text.charAt(i) !== '[') return 'not-gmail';
    if (chunks.length >= MAX_CHUNKS) return 'too-large';
    const chunk = readChunk(text, i, span);
    if (typeof chunk === 'string') return chunk;
    chunks.push(chunk.value);
    i = chunk.end;
  }
}
