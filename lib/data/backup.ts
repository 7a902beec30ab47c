import type { Table } from 'dexie';
import type { KeepwarmDb } from '@/lib/store/db';
import { BACKUP_FORMAT, type Backup, CURRENT_SCHEMA_VERSION, TABLE_NAMES } from './backup-format';

function tablesOf(db: KeepwarmDb): Table[] {
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

/** Replaces everything stored with the backup, in one transaction: it all lands, or nothing changes. */
export async function restoreBackup(db: KeepwarmDb, backup: Backup): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction('rw', tablesOf(db), async () => {
    for (const name of TABLE_NAMES) {
      const rows = backup.tables[name] ?? [];
      await db.table(name).clear();
      await db.table(name).bulkAdd(rows);
      counts[name] = rows.length;
    }
  });
  return counts;
}

export async function deleteAllData(db: KeepwarmDb): Promise<void> {
  await db.transaction('rw', tablesOf(db), async () => {
    for (const table of tablesOf(db)) await table.clear();
  });
}

/** Deletes one Gmail account's history, clients and corrections; every other account stays as it is. */
export async function deleteAccountData(db: KeepwarmDb, account: string): Promise<void> {
  const range = <T>(table: Table<T>, index: string) =>
    table.where(index).between([account, ''], [account, '\uffff'], true, true);
  await db.transaction('rw', tablesOf(db), async () => {
    await range(db.messages, '[account+id]').delete();
    await range(db.threads, '[account+threadId]').delete();
    await range(db.clients, '[account+key]').delete();
    await range(db.followUpStates, '[account+key]').delete();
    await range(db.clientOverrides, '[account+key]').delete();
    await range(db.crmLearned, '[account+clientKey]').delete();
    await range(db.setAside, '[account+key]').delete();
    await db.pendingRecompute.where('account').equals(account).delete();
    await db.accounts.delete(account);
    const row = await db.settings.get('user');
    if (row && account in row.settings.accounts) {
      const { [account]: _, ...others } = row.settings.accounts;
      await db.settings.put({ ...row, settings: { ...row.settings, accounts: others } });
    }
  });
}
