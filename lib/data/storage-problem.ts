import { z } from 'zod';

// IndexedDB refuses a write with QuotaExceededError when the browser's storage
// for the extension is full. Dexie passes it on as its own error of the same
// name, or, when it aborted a transaction because of it, as an AbortError
// whose `inner` is the quota error; bulk writes list it among `failures`.

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DISK_SPACE']);
// The legacy DOMException code of QUOTA_EXCEEDED_ERR.
const QUOTA_CODE = 22;

export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, inner, cause, failures } = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (error instanceof DOMException && code === QUOTA_CODE) return true;
  if (isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1)) return true;
  const listed = Array.isArray(failures)
    ? failures
    : failures && typeof failures === 'object'
      ? Object.values(failures)
      : [];
  return listed.some((failure) => isQuotaError(failure, depth + 1));
}

/** What was being stored when the browser said storage was full. */
export const storageOperationSchema = z.enum([
  'page',
  'import',
  'settings',
  'restore',
  'follow-up',
  'correction',
  'recompute',
  'retention',
  'delete',
]);
export type StorageOperation = z.infer<typeof storageOperationSchema>;

/** The last write refused for lack of space, kept until a later write succeeds. */
export const storageProblemSchema = z.object({
  operation: storageOperationSchema,
  at: z.number(),
  /** The browser's own words, for a bug report. */
  detail: z.string().max(500),
});
export type StorageProblem = z.infer<typeof storageProblemSchema>;

/** Key of the problem in the extension's `storage.local`, read by every page to show it. */
export const STORAGE_PROBLEM_KEY = 'storageProblem';

/** Thrown in place of a quota error once it is recorded, so callers can tell the user what happened. */
export class StorageFullError extends Error {
  constructor(
    readonly operation: StorageOperation,
    detail: string,
  ) {
    super(`Keepwarm's storage is full (${operation}): ${detail}`);
    this.name = 'StorageFullError';
  }
}
