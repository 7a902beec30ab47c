// One way to pull bytes from either a WHATWG ReadableStream (File.stream() in a
// worker, fetch bodies) or any async iterable of chunks (Node file streams),
// with a look-ahead that does not consume, so the format can be checked
// before any work is done.

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export class ByteReader {
  private readonly buffered: Uint8Array[] = [];
  private readonly next: () => Promise<Uint8Array | undefined>;
  private readonly release: () => Promise<void>;
  private ended = false;

  constructor(source: ByteSource) {
    if (isReadableStream(source)) {
      const reader = source.getReader();
      this.next = async () => {
        const { done, value } = await reader.read();
        return done ? undefined : value;
      };
      this.release = () => reader.cancel();
    } else {
      const iterator = source[Symbol.asyncIterator]();
      this.next = async () => {
        const { done, value } = await iterator.next();
        return done ? undefined : value;
      };
      this.release = async () => {
        await iterator.return?.();
      };
    }
  }

  /** The next chunk, or undefined at the end of the input. */
  async read(): Promise<Uint8Array | undefined> {
    const held = this.buffered.shift();
    if (held) return held;
    return this.pull();
  }

  /** Up to `size` bytes from the start of what is unread, without consuming them. */
  async peek(size: number): Promise<Uint8Array> {
    let total = this.buffered.reduce((sum, chunk) => sum + chunk.length, 0);
    while (total < size) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.buffered.push(chunk);
      total += chunk.length;
    }
    return concatBytes(this.buffered).subarray(0, size);
  }

  /** Stops reading and lets the underlying stream free its resources. */
  async cancel(): Promise<void> {
    this.buffered.length = 0;
    if (this.ended) return;
    this.ended = true;
    await this.release();
  }

  private async pull(): Promise<Uint8Array | undefined> {
    if (this.ended) return undefined;
    // Empty chunks are legal in streams; skipping them keeps callers simple.
    for (;;) {
      const chunk = await this.next();
      if (chunk === undefined) {
        this.ended = true;
        return undefined;
      }
      if (chunk.length > 0) return chunk;
    }
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function isReadableStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}
