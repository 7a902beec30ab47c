// What an import's progress bar shows: the state the page keeps, and the rates and time left it reads from it.

import type { ImportFailure, WorkerProgress } from '@/lib/mail-import/import-worker';

export type ImportPhase = 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

/**
 * Why an import stopped: the worker's reasons, or the background's. A batch the
 * background never answered (its service worker stopped and did not come
 * back) is `interrupted`: what was acknowledged is stored, the rest is not.
 */
export type PageImportFailure =
  | ImportFailure
  | { kind: 'storage-full'; message: string }
  | { kind: 'interrupted'; message: string };

export interface ImportState {
  phase: ImportPhase;
  account: string;
  startedAt: number;
  /** Now, or when the import ended: the elapsed time is `updatedAt - startedAt`. */
  updatedAt: number;
  progress: WorkerProgress;
  /** Messages the background has stored so far (added or merged or already there). */
  stored: number;
  added: number;
  /** Copies of messages an earlier import stored under another Message-ID: duplicates the background left out. */
  storedEarlier: number;
  clients: number;
  ignoredFiles: number;
  /** Batches sent again because the background did not answer the first time. */
  resent: number;
  failure?: PageImportFailure;
}

export interface ImportRates {
  /** 0…1 of the whole import: reading the files and storing what they hold, half each. */
  fraction?: number;
  messagesPerSecond?: number;
  bytesPerSecond?: number;
  /** Estimated time to the end, from the pace so far. */
  remainingMs?: number;
}

/**
 * Rates and time left from the state alone, shown only once there is
 * something to go on. Reading and storing count as half the work each.
 */
export function importRates(state: ImportState): ImportRates {
  const seconds = (state.updatedAt - state.startedAt) / 1000;
  const { bytesRead, totalBytes, counts } = state.progress;
  const rates: ImportRates = {};
  if (totalBytes <= 0) return rates;
  const toStore = counts.read - counts.duplicates - state.storedEarlier - counts.skippedNoDate - counts.skippedCorrupt;
  const stored = toStore > 0 ? Math.min(1, state.stored / toStore) : 0;
  const fraction = Math.min(1, bytesRead / totalBytes) / 2 + stored / 2;
  rates.fraction = fraction;
  if (seconds < 0.5 || bytesRead === 0) return rates;
  rates.messagesPerSecond = counts.read / seconds;
  rates.bytesPerSecond = bytesRead / seconds;
  if (state.phase === 'running' && fraction > 0) rates.remainingMs = ((1 - fraction) / fraction) * seconds * 1000;
  return rates;
}
