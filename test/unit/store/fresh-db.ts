import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';

/**
 * A new, empty database for every test of the file, handed to `use` before the
 * test and closed and deleted after it, so no test sees another's records.
 */
export function freshDbPerTest(prefix: string, use: (db: KeepwarmDb) => void): void {
  let db: KeepwarmDb | undefined;
  let count = 0;
  beforeEach(() => {
    count += 1;
    db = openKeepwarmDb(`${prefix}-${count}`);
    use(db);
  });
  afterEach(async () => {
    if (!db) return;
    db.close();
    await Dexie.delete(db.name);
  });
}
