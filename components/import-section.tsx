import { type FormEvent, useId, useState } from 'react';
import { type ImportState, importRates } from '@/lib/features/mailbox-import/import-progress';
import type { PickedFile } from '@/lib/mail-import/import-worker';
import { useTranslator } from '@/lib/ui/use-translator';

export interface ImportSectionProps {
  /** Addresses of the accounts Keepwarm knows: the first prefills "me". */
  knownAddresses: string[];
  state?: ImportState;
  onStart(files: PickedFile[], fromFolder: boolean, me: string): void;
  onCancel(): void;
}

function pickedFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function Progress({ state }: { state: ImportState }) {
  const { t, duration, language } = useTranslator();
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const megabytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const rates = importRates(state);
  const { counts, bytesRead, totalBytes } = state.progress;
  const skipped = counts.skippedCorrupt + counts.skippedNoDate;
  // Copies within these files, and copies of what an earlier import stored.
  const duplicates = counts.duplicates + state.storedEarlier;
  const status = {
    running: t('import.running'),
    cancelling: t('import.cancelling'),
    done: t('import.done', { stored: number.format(state.stored), clients: number.format(state.clients) }),
    cancelled: t('import.cancelled', { stored: number.format(state.stored) }),
    failed: '',
  }[state.phase];
  return (
    <div data-testid="import-progress" data-phase={state.phase}>
      <progress
        aria-label={t('import.progressLabel')}
        max={1}
        value={state.phase === 'done' ? 1 : (rates.fraction ?? 0)}
        style={{ width: '100%' }}
      />
      <p className="kw-muted">
        <span data-testid="import-read">{t('import.messagesRead', { count: number.format(counts.read) })}</span>
        {' · '}
        <span data-testid="import-stored">{t('import.stored', { count: number.format(state.stored) })}</span>
        {' · '}
        <span data-testid="import-clients">{t('import.clientsFound', { count: number.format(state.clients) })}</span>
        {' · '}
        {t('import.bytes', { done: megabytes.format(bytesRead / 1e6), total: megabytes.format(totalBytes / 1e6) })}
        {rates.messagesPerSecond !== undefined
          ? ` · ${t('import.rate', { rate: number.format(rates.messagesPerSecond) })}`
          : ''}
        {rates.remainingMs !== undefined ? ` · ${t('import.timeLeft', { duration: duration(rates.remainingMs) })}` : ''}
      </p>
      {skipped > 0 ? <p className="kw-muted">{t('import.skipped', { count: number.format(skipped) })}</p> : null}
      {duplicates > 0 ? (
        <p className="kw-muted" data-testid="import-duplicates">
          {t('import.duplicates', { count: number.format(duplicates) })}
        </p>
      ) : null}
      {state.resent > 0 ? (
        <p className="kw-muted" data-testid="import-resent">
          {t('import.resent', { count: number.format(state.resent) })}
        </p>
      ) : null}
      {state.ignoredFiles > 0 ? (
        <p className="kw-muted">{t('import.ignoredFiles', { count: number.format(state.ignoredFiles) })}</p>
      ) : null}
      {status ? (
        <p role="status" data-testid="import-status">
          {status}
        </p>
      ) : null}
    </div>
  );
}

function FailureText({ state }: { state: ImportState }) {
  const { t, language } = useTranslator();
  const failure = state.failure;
  if (!failure) return null;
  const stored = new Intl.NumberFormat(language).format(state.stored);
  const text = (() => {
    switch (failure.kind) {
      case 'not-a-mailbox':
        return t('import.notMailbox', { source: failure.source, reason: failure.reason });
      case 'no-mailbox-in-folder':
        return t('import.noMailboxInFolder');
      case 'storage-full':
        return t('import.storageFull', { stored });
      case 'interrupted':
        return t('import.interrupted', { error: failure.message, stored });
      case 'unreadable':
        return t('import.failed', { error: failure.message });
    }
  })();
  return (
    <p role="alert" data-testid="import-error">
      {text}
    </p>
  );
}

/** Picks mailbox files or a folder and the user's own address, and shows the import's progress. */
export function ImportSection({ knownAddresses, state, onStart, onCancel }: ImportSectionProps) {
  const { t } = useTranslator();
  const id = useId();
  // Until the user is in the field it shows the first known address, which arrives after the
  // first paint. Focusing freezes what it shows, so a late arrival never lands in their typing.
  const [typedMe, setTypedMe] = useState<string>();
  const me = typedMe ?? knownAddresses[0] ?? '';
  const [files, setFiles] = useState<{ picked: PickedFile[]; fromFolder: boolean }>({ picked: [], fromFolder: false });
  const [problem, setProblem] = useState<string>();
  const busy = state?.phase === 'running' || state?.phase === 'cancelling';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+$/.test(me.trim())) return setProblem(t('import.needMe'));
    if (files.picked.length === 0) return setProblem(t('import.needFiles'));
    setProblem(undefined);
    onStart(files.picked, files.fromFolder, me.trim().toLowerCase());
  };

  return (
    <section id="import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p className="kw-muted">{t('import.intro')}</p>
      <form onSubmit={submit}>
        <p>
          <label htmlFor={`${id}-me`}>{t('import.me')}</label>
          <br />
          <input
            id={`${id}-me`}
            data-testid="import-me"
            type="email"
            list={`${id}-known`}
            value={me}
            disabled={busy}
            onFocus={() => setTypedMe((typed) => typed ?? me)}
            onChange={(event) => setTypedMe(event.target.value)}
            aria-describedby={`${id}-me-hint`}
          />
          <datalist id={`${id}-known`}>
            {knownAddresses.map((address) => (
              <option key={address} value={address} />
            ))}
          </datalist>
          <br />
          <small id={`${id}-me-hint`} className="kw-muted">
            {t('import.meHint')}
          </small>
        </p>
        <p>
          <label htmlFor={`${id}-files`}>{t('import.files')}</label>
          <br />
          <input
            id={`${id}-files`}
            data-testid="import-files"
            type="file"
            multiple
            accept=".mbox,.eml,.mbx,application/mbox,message/rfc822"
            disabled={busy}
            onChange={(event) => setFiles({ picked: pickedFiles(event.target.files), fromFolder: false })}
          />
        </p>
        <p>
          <label htmlFor={`${id}-folder`}>{t('import.folder')}</label>
          <br />
          <input
            id={`${id}-folder`}
            data-testid="import-folder"
            type="file"
            // React passes unknown lower-case attributes through; this one makes the picker take a folder.
            {...{ webkitdirectory: '' }}
            disabled={busy}
            onChange={(event) => setFiles({ picked: pickedFiles(event.target.files), fromFolder: true })}
          />
        </p>
        {files.picked.length > 0 ? (
          <p className="kw-muted" data-testid="import-chosen">
            {t('import.chosen', { count: files.picked.length })}
          </p>
        ) : null}
        {problem ? <p role="alert">{problem}</p> : null}
        <button type="submit" data-testid="import-start" disabled={busy}>
          {t('import.start')}
        </button>{' '}
        {busy ? (
          <button type="button" data-testid="import-cancel" disabled={state?.phase === 'cancelling'} onClick={onCancel}>
            {t('import.cancel')}
          </button>
        ) : null}
      </form>
      {state ? <Progress state={state} /> : null}
      {state ? <FailureText state={state} /> : null}
    </section>
  );
}
