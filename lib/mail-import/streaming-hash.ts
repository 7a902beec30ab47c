// A 64-bit non-cryptographic hash fed in pieces, so a message body of any size
// can be fingerprinted while it streams past without being kept. Two
// independent 32-bit lanes (FNV-1a and a murmur-style multiply-rotate) keep
// accidental collisions negligible for mailboxes of millions of messages.

const CR = 0x0d;
const LF = 0x0a;

export class StreamingHash {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;
  private pendingNewlines = 0;

  /**
   * Hashes bytes as text content: carriage returns are ignored and trailing
   * newlines are only counted once more content follows, so the same body
   * stored with CRLF or LF, or with a different number of framing blank lines
   * at its end, hashes the same.
   */
  updateText(bytes: Uint8Array, start = 0, end = bytes.length): void {
    // Every byte of every body passes here: the state lives in locals and the
    // mixing is written out, which makes the loop several times faster.
    let { a, b, pendingNewlines } = this;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      if (byte === CR) continue;
      if (byte === LF) {
        pendingNewlines++;
        continue;
      }
      for (; pendingNewlines > 0; pendingNewlines--) {
        a = Math.imul(a ^ LF, 0x01000193);
        const k = Math.imul(LF + 1, 0xcc9e2d51) ^ b;
        b = (Math.imul((k << 13) | (k >>> 19), 5) + 0xe6546b64) | 0;
      }
      a = Math.imul(a ^ byte, 0x01000193);
      const k = Math.imul(byte + 1, 0xcc9e2d51) ^ b;
      b = (Math.imul((k << 13) | (k >>> 19), 5) + 0xe6546b64) | 0;
    }
    this.a = a;
    this.b = b;
    this.pendingNewlines = pendingNewlines;
  }

  digest(): string {
    const [a, b] = this.digestPair();
    return hex32(a) + hex32(b);
  }

  /** The same 64 bits as `digest`, as two unsigned 32-bit halves: kept in typed arrays, not strings. */
  digestPair(): [number, number] {
    const a = finalMix(this.a);
    return [a, finalMix(this.b ^ a)];
  }
}

const encoder = new TextEncoder();

/** The 64-bit hash of a string's UTF-8 bytes, as 16 hex digits. */
export function hashText(text: string): string {
  const [a, b] = hashTextPair(text);
  return hexOfPair(a, b);
}

// Every message hashes several short strings (ids, keys, its subject): they are
// encoded into one reused buffer rather than a new one each.
let scratch = new Uint8Array(1024);

/** `hashText` as two unsigned 32-bit halves. */
export function hashTextPair(text: string): [number, number] {
  // UTF-8 takes at most three bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  const hash = new StreamingHash();
  hash.updateText(scratch, 0, written);
  return hash.digestPair();
}

export function hexOfPair(high: number, low: number): string {
  return hex32(high) + hex32(low);
}

function finalMix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}
