import { type ChangeEvent, useState } from 'react';
import { ConfirmDialog, type ConfirmRequest } from '@/components/options/confirm-dialog';
import { exportBackup } from '@/lib/data/backup-export';
import { type Backup, type BackupProblem, CURRENT_SCHEMA_VERSION, readBackupText } from '@/lib/data/backup-format';
import { splitBackup } from '@/lib/data/backup-parts';
import { clientsCsv } from '@/lib/data/clients-csv';
import { sendToBackground } from '@/lib/messaging/send';
import { dateTimeLabel } from '@/lib/ui/calendar-labels';
import { useDatabase } from '@/lib/ui/database';
import { datedFileName, saveFile } from '@/lib/ui/save-file';
import { useKnownAccounts } from '@/lib/ui/use-accounts';
import { useTranslator } from '@/lib/ui/use-translator';

type Outcome = { ok: boolean; text: string } | undefined;

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

/** Export, import, and deletion of everything Keepwarm keeps in this browser. */
export function DataSection() {
  const { t, language } = useTranslator();
  const db = useDatabase();
  const accounts = useKnownAccounts();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [outcome, setOutcome] = useState<Outcome>();

  const [busy, setBusy] = useState(false);

  // One task at a time: a large mailbox takes a while to export, delete or restore.
  const run = async (task: () => Promise<string>) => {
    setOutcome(undefined);
    setBusy(true);
    try {
      setOutcome({ ok: true, text: await task() });
    } catch (error) {
      setOutcome({ ok: false, text: t('options.data.failed', { error: String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  /** Asks first; runs `task` only on the user's yes. */
  const ask = (title: string, body: string, confirmLabel: string, task: () => Promise<string>) =>
    setConfirm({ title, body, confirmLabel, onConfirm: () => run(task) });

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

  const problemText = (problem: BackupProblem): string => {
    if (problem.kind === 'not-json') return t('options.data.error.notJson');
    if (problem.kind === 'not-a-backup') return t('options.data.error.notBackup');
    if (problem.kind === 'newer-version') {
      return t('options.data.error.newer', { version: problem.version, current: CURRENT_SCHEMA_VERSION });
    }
    return t('options.data.error.invalid', { where: problem.where, detail: problem.detail });
  };

  const chooseBackup = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const check = readBackupText(await file.text());
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!check.ok) {
      setOutcome({ ok: false, text: problemText(check.problem) });
      return;
    }
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

  const exports = [
    {
      id: 'kw-export-json',
      label: t('options.data.exportJson'),
      hint: t('options.data.exportJsonHint'),
      onClick: exportJson,
    },
    {
      id: 'kw-export-csv',
      label: t('options.data.exportCsv'),
      hint: t('options.data.exportCsvHint'),
      onClick: exportCsv,
    },
  ];

  return (
    <>
      <div className="kw-group">
        <h3>{t('options.data.exportTitle')}</h3>
        {exports.map(({ id, label, hint, onClick }) => (
          <div key={id} className="kw-action-row">
            <button
              type="button"
              className="kw-button"
              disabled={busy}
              onClick={onClick}
              aria-describedby={`${id}-hint`}
            >
              {label}
            </button>
            <p id={`${id}-hint`} className="kw-hint">
              {hint}
            </p>
          </div>
        ))}
      </div>
      <div className="kw-group">
        <h3>{t('options.data.importTitle')}</h3>
        <div className="kw-action-row">
          {/* The browser's own file button speaks the browser's language; this label speaks the page's. */}
          <input
            id="kw-import-file"
            className="kw-file-input"
            type="file"
            disabled={busy}
            accept="application/json,.json"
            aria-describedby="kw-import-hint"
            onChange={chooseBackup}
          />
          <label htmlFor="kw-import-file" className="kw-button">
            {t('options.data.importFile')}
          </label>
          <p id="kw-import-hint" className="kw-hint">
            {t('options.data.importHint')}
          </p>
        </div>
      </div>
      <div className="kw-group">
        <h3>{t('options.data.deleteTitle')}</h3>
        {accounts.kind === 'ready'
          ? accounts.value.map(({ address }) => (
              <div key={address} className="kw-action-row">
                <button type="button" className="kw-button" disabled={busy} onClick={() => askDeleteAccount(address)}>
                  {t('options.data.deleteAccount', { account: address })}
                </button>
              </div>
            ))
          : null}
        <div className="kw-action-row">
          <button
            type="button"
            disabled={busy}
            className="kw-button kw-button--danger"
            onClick={askDeleteAll}
            aria-describedby="kw-delete-all-hint"
          >
            {t('options.data.deleteAll')}
          </button>
          <p id="kw-delete-all-hint" className="kw-hint">
            {t('options.data.deleteAllHint')}
          </p>
        </div>
      </div>
      <p role="status" data-testid="data-outcome" aria-busy={busy}>
        {busy ? t('options.data.working') : outcome?.ok ? outcome.text : ''}
      </p>
      <p role="alert" className="kw-error" data-testid="data-problem">
        {outcome?.ok === false ? outcome.text : ''}
      </p>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </>
  );
}
