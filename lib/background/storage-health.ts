import {
  isQuotaError,
  StorageFullError,
  type StorageOperation,
  type StorageProblem,
  storageProblemSchema,
} from '@/lib/data/storage-problem';

/** Where the last problem is kept; `storage.local` in the extension. */
export interface ProblemStore {
  read(): Promise<unknown>;
  write(problem: StorageProblem | undefined): Promise<void>;
}

/**
 * After a quota error, page observations are not written for this long: a Gmail
 * tab that keeps changing would otherwise send the full disk a write on every
 * change. The user's own actions (import, settings, restore) always try.
 */
export const PAGE_WRITE_PAUSE_MS = 60_000;

export interface StorageHealth {
  /** Runs a write; a quota error is recorded and rethrown as StorageFullError, a success clears the record. */
  guard<T>(operation: StorageOperation, write: () => Promise<T>): Promise<T>;
  /** Whether page observations should skip writing now. */
  pausingPageWrites(): boolean;
  current(): Promise<StorageProblem | undefined>;
}

export function createStorageHealth(store: ProblemStore, now: () => number = Date.now): StorageHealth {
  let lastFullAt: number | undefined;

  // Read at every success rather than remembered: the worker may have been restarted since it was recorded.
  const current = async () => {
    const parsed = storageProblemSchema.safeParse(await store.read());
    return parsed.success ? parsed.data : undefined;
  };

  const record = async (problem: StorageProblem | undefined) => {
    // Recording must never hide the write's own outcome: a failure here is only logged.
    await store.write(problem).catch((error: unknown) => console.warn('Keepwarm: storage problem not recorded', error));
  };

  return {
    async guard(operation, write) {
      try {
        const result = await write();
        lastFullAt = undefined;
        if ((await store.read()) !== undefined) await record(undefined);
        return result;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        lastFullAt = now();
        const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
        await record({ operation, at: lastFullAt, detail });
        throw new StorageFullError(operation, detail);
      }
    },
    pausingPageWrites() {
      return lastFullAt !== undefined && now() - lastFullAt < PAGE_WRITE_PAUSE_MS;
    },
    current,
  };
}
