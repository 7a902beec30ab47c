/** A growable byte buffer that is reused from message to message to spare allocations. */
export class ByteBuffer {
  private bytes = new Uint8Array(4096);
  length = 0;

  append(source: Uint8Array, start: number, end: number): void {
    const needed = this.length + (end - start);
    if (needed > this.bytes.length) {
      const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(source.subarray(start, end), this.length);
    this.length = needed;
  }

  /** A copy of the content; the buffer is emptied for the next use. */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }

  clear(): void {
    this.length = 0;
  }
}
