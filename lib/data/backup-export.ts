import type { Table } from 'dexie';
import type { KeepwarmDb } from '@/lib/store/db';
import { BACKUP_FORMAT, type Backup, CURRENT_SCHEMA_VERSION, TABLE_NAMES } from './backup-format';

export function tablesOf(db: KeepwarmDb): Table[] {
  return TABLE_NAMES.map((name) => db.table(name));
}

/** Every row of every table, read in one transaction so the backup is one consistent moment. */
export async function exportBackup(db: KeepwarmDb, now: number): Promise<Backup> {
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const entries = await Promise.all(TABLE_NAMES.map(async (name) => [name, await db.table(name).toArray()]));
    return Object.fromEntries(entries);
  });
  return { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: now, tables };
}
