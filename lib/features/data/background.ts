import { eraseAccountData, eraseAllData, importBackup } from '@/lib/background/data-admin';
import { syncDigestAlarm } from '@/lib/background/digest-notification';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { readUserSettings } from '@/lib/background/settings-store';
import { createBackupAssembler } from '@/lib/data/backup-parts';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { dataMessages, dataReplies } from './messages';

type DataHandlers = HandlersOf<typeof dataMessages, typeof dataReplies>;

/** A restore or a deletion replaces the settings too: the digest's alarm follows the new ones. */
export function dataFeature({ db, storage, reports }: BackgroundServices): BackgroundFeature<DataHandlers> {
  const backupParts = createBackupAssembler();
  return {
    handlers: {
      'ui/import-data': async ({ importId, part, parts, backup }) => {
        const whole = backupParts.add(importId, part, parts, backup);
        if (!whole) return { received: part + 1 };
        const imported = await storage.guard('restore', () => importBackup(db, whole));
        await syncDigestAlarm(await readUserSettings(db), Date.now());
        await reports.changed();
        return { imported };
      },
      'ui/delete-all-data': async () => {
        await storage.guard('delete', () => eraseAllData(db));
        await syncDigestAlarm(await readUserSettings(db), Date.now());
        await reports.changed();
        return { saved: true as const };
      },
      'ui/delete-account-data': async ({ account }) => {
        await storage.guard('delete', () => eraseAccountData(db, account));
        await reports.changed(account);
        return { saved: true as const };
      },
    },
  };
}
