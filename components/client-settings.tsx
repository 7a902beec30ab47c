import { type FormEvent, useId, useRef, useState } from 'react';
import type { StoredClientOverride } from '@/lib/data/stored-rows';
import type { ClientTier } from '@/lib/engine/overrides';
import type { ClientReport } from '@/lib/engine/report-types';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { ClientActions } from '@/lib/ui/client-action-types';
import { type MergeTargets, mergeSuggestions } from '@/lib/ui/merge-targets';
import { dateInput, overridePatch } from '@/lib/ui/override-patch';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  report: Pick<ClientReport, 'key' | 'displayName' | 'kind' | 'addresses'>;
  override?: StoredClientOverride;
  split: boolean;
  /** Read only once the user starts a merge: an account can have thousands of clients. */
  mergeTargets: MergeTargets;
  actions: Pick<ClientActions, 'correct' | 'splitAddress'>;
}

const TIERS: ClientTier[] = ['key', 'standard', 'minor'];

/** Rename, tier or value, expected silence, merge, split and ignore: each a correction the background applies. */
export function ClientSettings({ report, override, split, mergeTargets, actions }: Props) {
  const { t } = useTranslator();
  const id = useId();
  const [name, setName] = useState(override?.name ?? '');
  const [tier, setTier] = useState<string>(override?.tier ?? '');
  const [value, setValue] = useState(override?.value !== undefined ? String(override.value) : '');
  const [quietUntil, setQuietUntil] = useState(dateInput(override?.quietUntil));
  const [mergeInto, setMergeInto] = useState('');
  const [targetKeys, setTargetKeys] = useState<string[]>();
  const readingTargets = useRef(false);
  const [confirmIgnore, setConfirmIgnore] = useState(false);
  const [status, setStatus] = useState('');

  const run = (work: Promise<void>) => {
    setStatus(t('panel.saving'));
    work
      .then(() => setStatus(t('panel.saved')))
      .catch((error: unknown) => setStatus(t('panel.saveFailed', { error: String(error) })));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = overridePatch(override, { name, tier, value, quietUntil });
    if ('error' in result) return setStatus(t(`panel.invalid.${result.error}`));
    if (Object.keys(result.patch).length === 0) return setStatus(t('panel.nothingChanged'));
    run(actions.correct(result.patch));
  };
  const startMerge = () => {
    if (readingTargets.current) return;
    readingTargets.current = true;
    mergeTargets.keys().then(setTargetKeys, (error: unknown) => {
      readingTargets.current = false;
      setStatus(t('panel.mergeTargetsFailed', { error: String(error) }));
    });
  };
  const merge = (event: FormEvent) => {
    event.preventDefault();
    const target = mergeInto.trim().toLowerCase();
    // Asked of the store, not of the suggestions: they may not be read yet, or be older than a new client.
    mergeTargets.has(target).then(
      (known) => {
        if (!known) return setStatus(t('panel.mergeUnknown', { key: target }));
        run(actions.correct({ mergeInto: target }));
      },
      (error: unknown) => setStatus(t('panel.mergeTargetsFailed', { error: String(error) })),
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="kw-card">
      <h2 id={`${id}-title`}>{t('panel.clientSettings')}</h2>
      <form className="kw-form" onSubmit={save}>
        <label>
          {t('panel.rename')}
          <input
            value={name}
            placeholder={report.displayName}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t('panel.tier')}
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">{t('panel.tierNone')}</option>
            {TIERS.map((option) => (
              <option key={option} value={option}>
                {t(`panel.tier.${option}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panel.value')}
          <input
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <label>
          {t('panel.quietUntil')}
          <input type="date" value={quietUntil} onChange={(e) => setQuietUntil(e.target.value)} />
        </label>
        <button type="submit">{t('panel.save')}</button>
      </form>
      <form className="kw-form kw-form--inline" onSubmit={merge}>
        <label>
          {t('panel.mergeInto')}
          <input
            list={`${id}-clients`}
            value={mergeInto}
            onFocus={startMerge}
            onChange={(e) => {
              startMerge();
              setMergeInto(e.target.value);
            }}
          />
        </label>
        <datalist id={`${id}-clients`} data-testid="merge-suggestions">
          {mergeSuggestions(targetKeys ?? [], mergeInto).map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        <button type="submit" disabled={mergeInto.trim() === ''}>
          {t('panel.merge')}
        </button>
      </form>
      {report.kind === 'org' && report.addresses.length > 1 ? (
        <div className="kw-split">
          <p className="kw-muted">{t('panel.splitHint')}</p>
          <ul>
            {report.addresses.map((address) => (
              <li key={address}>
                <bdi>{address}</bdi>{' '}
                <button type="button" onClick={() => run(actions.splitAddress(address, true))}>
                  {t('panel.split')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {split ? (
        <button type="button" onClick={() => run(actions.splitAddress(report.key, false))}>
          {t('panel.unsplit')}
        </button>
      ) : null}
      <div className="kw-actions">
        {confirmIgnore ? (
          <>
            <button type="button" className="kw-danger" onClick={() => run(actions.correct({ ignore: true }))}>
              {t('panel.ignoreConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmIgnore(false)}>
              {t('panel.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmIgnore(true)}>
            {t('panel.ignore')}
          </button>
        )}
      </div>
      <p role="status" className="kw-muted">
        {status}
      </p>
    </section>
  );
}
