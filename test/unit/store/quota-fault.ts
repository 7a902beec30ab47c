import { afterEach, beforeEach } from 'vitest';

// Makes fake-indexeddb refuse a write the way a full disk does: the store's
// put/add throws QuotaExceededError, which aborts the transaction it ran in.
// Counting writes first lets a test fail one in the middle of a transaction,
// after earlier writes of the same transaction went through.

export interface QuotaFault {
  /** Fails every write to `store` (any store when absent) after the first `after` of them. */
  arm(options?: { store?: string; after?: number }): void;
  disarm(): void;
  /** How many writes were refused since the last arm. */
  readonly refused: number;
}

type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;

export function quotaFaultPerTest(): QuotaFault {
  const proto = globalThis.IDBObjectStore.prototype as unknown as Record<'put' | 'add', Write>;
  const originals = { put: proto.put, add: proto.add };
  let armed: { store?: string; left: number } | undefined;
  let refused = 0;
  beforeEach(() => {
    for (const method of ['put', 'add'] as const) {
      proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (armed && (armed.store === undefined || armed.store === this.name)) {
          if (armed.left <= 0) {
            refused += 1;
            throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
          }
          armed.left -= 1;
        }
        return originals[method].apply(this, args);
      };
    }
  });
  afterEach(() => {
    armed = undefined;
    proto.put = originals.put;
    proto.add = originals.add;
  });
  return {
    arm(options = {}) {
      armed = { store: options.store, left: options.after ?? 0 };
      refused = 0;
    },
    disarm() {
      armed = undefined;
    },
    get refused() {
      return refused;
    },
  };
}
