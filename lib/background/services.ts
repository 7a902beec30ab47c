import { browser } from 'wxt/browser';
import { STORAGE_PROBLEM_KEY } from '@/lib/data/storage-problem';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { createReports, type Reports } from './reports';
import { createStorageHealth, type StorageHealth } from './storage-health';

/** What every feature's handlers and scheduled work share: one database, its health, and the step after a change. */
export interface BackgroundServices {
  db: KeepwarmDb;
  storage: StorageHealth;
  reports: Reports;
}

export function createBackgroundServices(): BackgroundServices {
  const db = openKeepwarmDb();
  const storage = createStorageHealth({
    read: async () => (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY],
    write: (problem) =>
      problem
        ? browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: problem })
        : browser.storage.local.remove(STORAGE_PROBLEM_KEY),
  });
  return { db, storage, reports: createReports(db, storage) };
}

/** What a feature adds to the background: its handlers, the work its alarms start, and what it does at start. */
export interface BackgroundFeature<H> {
  handlers: H;
  /** By alarm name. */
  alarms?: Record<string, () => Promise<void>>;
  /** Alarms whose names carry a key (one per account): each is offered every alarm, and runs those it owns. */
  onAlarm?(name: string): Promise<unknown>;
  start?(): void;
}
