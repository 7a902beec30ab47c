// A browser carries at most 64 MiB in one extension message, and a backup of a
// large mailbox is bigger: the page sends it in parts, the background puts the
// parts back together and restores the whole in one transaction, or nothing.
import type { Backup } from './backup-format';
import { BACKUP_TABLE_NAMES } from './backup-format';

/** Well under the browser's limit, leaving room for the message's own envelope. */
export const PART_BYTES = 16 * 1024 * 1024;

type Tables = Backup['tables'];

/** The backup in parts of about `maxBytes` of JSON each; every part carries the header. */
export function splitBackup(backup: Backup, maxBytes = PART_BYTES): Backup[] {
  const parts: Backup[] = [];
  let tables: Tables = {};
  let bytes = 0;
  const flush = () => {
    parts.push({ ...backup, tables });
    tables = {};
    bytes = 0;
  };
  for (const name of BACKUP_TABLE_NAMES) {
    for (const row of backup.tables[name] ?? []) {
      const size = JSON.stringify(row).length;
      if (bytes > 0 && bytes + size > maxBytes) flush();
      tables[name] ??= [];
      (tables[name] as unknown[]).push(row);
      bytes += size;
    }
  }
  flush();
  return parts;
}

export class BackupPartsError extends Error {}

/**
 * Collects the parts of one import. A part of another import starts over (the
 * page that sent the first one was closed), and a part out of order or from
 * another backup is refused, so only a complete, single backup is restored.
 */
export function createBackupAssembler() {
  let current: { id: string; parts: number; received: Backup[] } | undefined;
  return {
    /** The whole backup once its last part arrived; until then nothing. */
    add(id: string, part: number, parts: number, backup: Backup): Backup | undefined {
      if (part === 0) current = { id, parts, received: [] };
      if (!current || current.id !== id || current.parts !== parts || current.received.length !== part) {
        current = undefined;
        throw new BackupPartsError('the backup arrived incomplete (was the options page closed?): nothing changed');
      }
      const first = current.received[0];
      if (first && (first.exportedAt !== backup.exportedAt || first.schemaVersion !== backup.schemaVersion)) {
        current = undefined;
        throw new BackupPartsError('parts of two different backups: nothing changed');
      }
      current.received.push(backup);
      if (current.received.length < parts) return undefined;
      const received = current.received;
      current = undefined;
      const tables: Tables = {};
      for (const name of BACKUP_TABLE_NAMES) {
        const rows = received.flatMap((p) => (p.tables[name] ?? []) as unknown[]);
        if (rows.length > 0) (tables as Record<string, unknown[]>)[name] = rows;
      }
      return { ...(received[0] as Backup), tables };
    },
  };
}
