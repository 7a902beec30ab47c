import type { ChangeEvent } from 'react';
import { useTranslator } from '@/lib/ui/use-translator';

/** The backup (JSON) and the client list (CSV), each a button with what it saves. */
export function DataExportGroup({
  busy,
  onExportJson,
  onExportCsv,
}: {
  busy: boolean;
  onExportJson(): void;
  onExportCsv(): void;
}) {
  const { t } = useTranslator();
  const exports = [
    {
      id: 'kw-export-json',
      label: t('options.data.exportJson'),
      hint: t('options.data.exportJsonHint'),
      onClick: onExportJson,
    },
    {
      id: 'kw-export-csv',
      label: t('options.data.exportCsv'),
      hint: t('options.data.exportCsvHint'),
      onClick: onExportCsv,
    },
  ];
  return (
    <div className="kw-group">
      <h3>{t('options.data.exportTitle')}</h3>
      {exports.map(({ id, label, hint, onClick }) => (
        <div key={id} className="kw-action-row">
          <button type="button" className="kw-button" disabled={busy} onClick={onClick} aria-describedby={`${id}-hint`}>
            {label}
          </button>
          <p id={`${id}-hint`} className="kw-hint">
            {hint}
          </p>
        </div>
      ))}
    </div>
  );
}

/** The file picker for a backup to restore. */
export function DataImportGroup({
  busy,
  onChoose,
}: {
  busy: boolean;
  onChoose(event: ChangeEvent<HTMLInputElement>): void;
}) {
  const { t } = useTranslator();
  return (
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
          onChange={onChoose}
        />
        <label htmlFor="kw-import-file" className="kw-button">
          {t('options.data.importFile')}
        </label>
        <p id="kw-import-hint" className="kw-hint">
          {t('options.data.importHint')}
        </p>
      </div>
    </div>
  );
}

/** Deleting one account's data, or everything. */
export function DataDeleteGroup({
  busy,
  accounts,
  onDeleteAccount,
  onDeleteAll,
}: {
  busy: boolean;
  accounts: readonly string[];
  onDeleteAccount(account: string): void;
  onDeleteAll(): void;
}) {
  const { t } = useTranslator();
  return (
    <div className="kw-group">
      <h3>{t('options.data.deleteTitle')}</h3>
      {accounts.map((address) => (
        <div key={address} className="kw-action-row">
          <button type="button" className="kw-button" disabled={busy} onClick={() => onDeleteAccount(address)}>
            {t('options.data.deleteAccount', { account: address })}
          </button>
        </div>
      ))}
      <div className="kw-action-row">
        <button
          type="button"
          disabled={busy}
          className="kw-button kw-button--danger"
          onClick={onDeleteAll}
          aria-describedby="kw-delete-all-hint"
        >
          {t('options.data.deleteAll')}
        </button>
        <p id="kw-delete-all-hint" className="kw-hint">
          {t('options.data.deleteAllHint')}
        </p>
      </div>
    </div>
  );
}

export type DataOutcome = { ok: boolean; text: string } | undefined;

/** What the last task did: a status while it runs or once it succeeded, an alert when it failed. */
export function DataOutcomeLines({ busy, outcome }: { busy: boolean; outcome: DataOutcome }) {
  const { t } = useTranslator();
  return (
    <>
      <p role="status" data-testid="data-outcome" aria-busy={busy}>
        {busy ? t('options.data.working') : outcome?.ok ? outcome.text : ''}
      </p>
      <p role="alert" className="kw-error" data-testid="data-problem">
        {outcome?.ok === false ? outcome.text : ''}
      </p>
    </>
  );
}
