import type { ChangeEvent } from 'react';
import { ConfirmDialog } from '@/components/options/confirm-dialog';
import { DataDeleteGroup, DataExportGroup, DataImportGroup, DataOutcomeLines } from '@/components/options/data-groups';
import { exportBackup } from '@/lib/data/backup-export';
import { type Backup, type BackupProblem, CURRENT_SCHEMA_VERSION, readBackupText } from '@/lib/data/backup-format';
import { splitBackup } from '@/lib/data/backup-parts';
import { clientsCsv } from '@/lib/data/clients-csv';
import type { Translator } from '@/lib/i18n/translate';
import { sendToBackground } from '@/lib/messaging/send';
import { dateTimeLabel } from '@/lib/ui/calendar-labels';
import { useDatabase } from '@/lib/ui/database';
import { datedFileName, saveFile } from '@/lib/ui/save-file';
import { useKnownAccounts } from '@/lib/ui/use-accounts';
import { useTranslator } from '@/lib/ui/use-translator';
import { useDataTasks } from './use-data-tasks';

/** Sends the backup in parts, one after the other; the background restores it when the last one arrives. */
async function sendBackup(backup: Backup): Promise<Record<string, number>> {
  const parts = splitBackup(backup);
  const importId = crypto.randomUUID();
  for (const [part, chunk] of parts.entries()) {
    const reply = await sendToBackground({
      type: 'ui/import-data',
      importId,
      part,
      parts: parts.length,
      backup: chunk,
    });
    if ('imported' in reply) return reply.imported;
  }
  throw new Error('the background did not confirm the import');
}

/** Why a chosen file is no backup Keepwarm can restore, in the user's words. */
function problemText(t: Translator['t'], problem: BackupProblem): string {
  if (problem.kind === 'not-json') return t('options.data.error.notJson');
  if (problem.kind === 'not-a-backup') return t('options.data.error.notBackup');
  if (problem.kind === 'newer-version') {
    return t('options.data.error.newer', { version: problem.version, current: CURRENT_SCHEMA_VERSION });
  }
  return t('options.data.error.invalid', { where: problem.where, detail: problem.detail });
}

/** Export, import, and deletion of everything Keepwarm keeps in this browser. */
export function DataSection() {
  const { t, language } = useTranslator();
  const db = useDatabase();
  const accounts = useKnownAccounts();
  const { busy, outcome, confirm, closeConfirm, run, ask, fail } = useDataTasks();

  const exportJson = () =>
    run(async () => {
      const now = new Date();
      const file = datedFileName('keepwarm-backup', 'json', now);
      saveFile(file, 'application/json', JSON.stringify(await exportBackup(db, now.getTime())));
      return t('options.data.exported', { file });
    });

  const exportCsv = () =>
    run(async () => {
      const file = datedFileName('keepwarm-clients', 'csv', new Date());
      saveFile(file, 'text/csv;charset=utf-8', clientsCsv(await db.clients.toArray()));
      return t('options.data.exported', { file });
    });

  const chooseBackup = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const check = readBackupText(await file.text());
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!check.ok) return fail(problemText(t, check.problem));
    const { backup } = check;
    ask(
      t('options.data.importConfirmTitle'),
      t('options.data.importConfirmBody', {
        date: dateTimeLabel(backup.exportedAt, language),
        clients: backup.tables.clients?.length ?? 0,
        messages: backup.tables.messages?.length ?? 0,
      }),
      t('options.data.importConfirm'),
      async () => {
        const imported = await sendBackup(backup);
        const rows = Object.values(imported).reduce((sum, n) => sum + n, 0);
        return t('options.data.imported', { rows });
      },
    );
  };

  const askDeleteAll = () =>
    ask(
      t('options.data.deleteAllConfirmTitle'),
      t('options.data.deleteAllConfirmBody'),
      t('options.data.deleteAllConfirm'),
      async () => {
        await sendToBackground({ type: 'ui/delete-all-data' });
        return t('options.data.deletedAll');
      },
    );

  const askDeleteAccount = (account: string) =>
    ask(
      t('options.data.deleteAccountConfirmTitle', { account }),
      t('options.data.deleteAccountConfirmBody'),
      t('options.data.deleteAccountConfirm'),
      async () => {
        await sendToBackground({ type: 'ui/delete-account-data', account });
        return t('options.data.deletedAccount', { account });
      },
    );

  return (
    <>
      <DataExportGroup busy={busy} onExportJson={exportJson} onExportCsv={exportCsv} />
      <DataImportGroup busy={busy} onChoose={chooseBackup} />
      <DataDeleteGroup
        busy={busy}
        accounts={accounts.kind === 'ready' ? accounts.value.map(({ address }) => address) : []}
        onDeleteAccount={askDeleteAccount}
        onDeleteAll={askDeleteAll}
      />
      <DataOutcomeLines busy={busy} outcome={outcome} />
      <ConfirmDialog request={confirm} onClose={closeConfirm} />
    </>
  );
}
