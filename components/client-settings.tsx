import { useId, useState } from 'react';
import type { StoredClientOverride } from '@/lib/data/stored-rows';
import type { ClientReport } from '@/lib/engine/report-types';
import type { ClientActions } from '@/lib/ui/client-action-types';
import type { MergeTargets } from '@/lib/ui/merge-targets';
import { useTranslator } from '@/lib/ui/use-translator';
import { ClientCorrectionForm } from './client-correction-form';
import { ClientMergeForm } from './client-merge-form';

interface Props {
  report: Pick<ClientReport, 'key' | 'displayName' | 'kind' | 'addresses'>;
  override?: StoredClientOverride;
  split: boolean;
  /** Read only once the user starts a merge: an account can have thousands of clients. */
  mergeTargets: MergeTargets;
  actions: Pick<ClientActions, 'correct' | 'splitAddress'>;
}

type Run = (work: Promise<void>) => void;

/** Each address of an organisation, to make it a client of its own. */
function SplitAddresses({
  addresses,
  split,
  run,
}: {
  addresses: string[];
  split: Props['actions']['splitAddress'];
  run: Run;
}) {
  const { t } = useTranslator();
  return (
    <div className="kw-split">
      <p className="kw-muted">{t('panel.splitHint')}</p>
      <ul>
        {addresses.map((address) => (
          <li key={address}>
            <bdi>{address}</bdi>{' '}
            <button type="button" onClick={() => run(split(address, true))}>
              {t('panel.split')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Ignoring a client hides it everywhere, so it asks once more before it does. */
function IgnoreClient({ ignore }: { ignore: () => void }) {
  const { t } = useTranslator();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="kw-actions">
      {confirming ? (
        <>
          <button type="button" className="kw-danger" onClick={ignore}>
            {t('panel.ignoreConfirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('panel.cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('panel.ignore')}
        </button>
      )}
    </div>
  );
}

/** Rename, tier or value, expected silence, merge, split and ignore: each a correction the background applies. */
export function ClientSettings({ report, override, split, mergeTargets, actions }: Props) {
  const { t } = useTranslator();
  const id = useId();
  const [status, setStatus] = useState('');

  const run: Run = (work) => {
    setStatus(t('panel.saving'));
    work
      .then(() => setStatus(t('panel.saved')))
      .catch((error: unknown) => setStatus(t('panel.saveFailed', { error: String(error) })));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="kw-card">
      <h2 id={`${id}-title`}>{t('panel.clientSettings')}</h2>
      <ClientCorrectionForm
        displayName={report.displayName}
        override={override}
        correct={actions.correct}
        run={run}
        setStatus={setStatus}
      />
      <ClientMergeForm mergeTargets={mergeTargets} correct={actions.correct} run={run} setStatus={setStatus} />
      {report.kind === 'org' && report.addresses.length > 1 ? (
        <SplitAddresses addresses={report.addresses} split={actions.splitAddress} run={run} />
      ) : null}
      {split ? (
        <button type="button" onClick={() => run(actions.splitAddress(report.key, false))}>
          {t('panel.unsplit')}
        </button>
      ) : null}
      <IgnoreClient ignore={() => run(actions.correct({ ignore: true }))} />
      <p role="status" className="kw-muted">
        {status}
      </p>
    </section>
  );
}
