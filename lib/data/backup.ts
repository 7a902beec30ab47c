import type { Table } from 'dexie';
import type { StoredClient } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';
import { marksOfClientRows } from '@/lib/store/pending-recompute';
import { tablesOf } from './backup-export';
import { type Backup, TABLE_NAMES } from './backup-format';
import { withWaitingPlaces } from './waiting-places';

/** A backup's client rows with their places in the popup's lists, which a backup older than them lacks. */
function rowsOf(backup: Backup, name: (typeof TABLE_NAMES)[number]): readonly object[] {
  if (name !== 'clients') return backup.tables[name] ?? [];
  // The backup's check keeps every part of a report a surface reads, places included.
  return (backup.tables.clients ?? []).map((row) => withWaitingPlaces(row as unknown as StoredClient));
}

/** Replaces everything stored with the backup, in one transaction: it all lands, or nothing changes. */
export async function restoreBackup(db: KeepwarmDb, backup: Backup): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction('rw', tablesOf(db), async () => {
    for (const name of TABLE_NAMES) {
      const rows = rowsOf(backup, name);
      await db.table(name).clear();
      await db.table(name).bulkAdd(rows);
      counts[name] = rows.length;
    }
    // A backup of v5 or before names each client waiting for a recompute on its own row.
    const marks = marksOfClientRows(backup.tables.pendingRecompute ?? []);
    await db.recomputeMarks.bulkAdd(marks);
    counts.recomputeMarks = (counts.recomputeMarks ?? 0) + marks.length;
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
    await db.recomputeMarks.where('account').equals(account).delete();
    await db.accounts.delete(account);
    const row = await db.settings.get('user');
    if (row && account in row.settings.accounts) {
      const { [account]: _, ...others } = row.settings.accounts;
      await db.settings.put({ ...row, settings: { ...row.settings, accounts: others } });
    }
  });
}
