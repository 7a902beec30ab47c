// A map from 64-bit hashes (two unsigned 32-bit halves) to non-negative
// integers, kept in flat typed arrays with open addressing. What an import
// must remember about every message it has seen (its Message-ID, its content
// key) then costs about 24 bytes, with no string or object per message for the
// engine's heap to hold and trace: memory stays nearly flat with file size.

const EMPTY = -1;
const INITIAL_CAPACITY = 1024;

export class HashIndex {
  private high: Uint32Array;
  private low: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = INITIAL_CAPACITY) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.values = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for the hash, or -1. */
  get(high: number, low: number): number {
    return this.values[this.slot(high, low)] as number;
  }

  set(high: number, low: number, value: number): void {
    if (value < 0) throw new RangeError('HashIndex holds non-negative values only');
    let slot = this.slot(high, low);
    if (this.values[slot] === EMPTY) {
      // Kept at most half full, so a probe ends after a slot or two.
      if ((this.count + 1) * 2 > this.values.length) {
        this.grow();
        slot = this.slot(high, low);
      }
      this.count++;
      this.high[slot] = high;
      this.low[slot] = low;
    }
    this.values[slot] = value;
  }

  private slot(high: number, low: number): number {
    // The halves are already well mixed; folding both in spreads sequential keys too.
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.mask;
    for (;;) {
      const value = this.values[slot] as number;
      if (value === EMPTY || (this.high[slot] === high >>> 0 && this.low[slot] === low >>> 0)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { high, low, values } = this;
    const size = values.length * 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.values = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (value === EMPTY) continue;
      const slot = this.slot(high[i] as number, low[i] as number);
      this.high[slot] = high[i] as number;
      this.low[slot] = low[i] as number;
      this.values[slot] = value;
    }
  }
}
