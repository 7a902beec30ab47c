import { type FormEvent, useState } from 'react';
import type { CrmSite } from '@/lib/features/crm/messages';
import type { CrmId } from '@/lib/sites/crm/types';
import { useTranslator } from '@/lib/ui/use-translator';

export interface CrmChoice {
  id: CrmId;
  label: string;
  /** Hosted CRMs have fixed hosts; self-hosted ones are added by address. */
  hosted: boolean;
}

export interface CrmSitesSectionProps {
  crms: CrmChoice[];
  sites: CrmSite[];
  busy: boolean;
  error?: string;
  onToggle(crm: CrmId, enabled: boolean): void;
  onAdd(crm: CrmId, address: string): void;
  onRemove(site: CrmSite): void;
}

/** The CRMs Keepwarm may read: hosted ones switched on and off, self-hosted ones added by address. */
export function CrmSitesSection({ crms, sites, busy, error, onToggle, onAdd, onRemove }: CrmSitesSectionProps) {
  const { t } = useTranslator();
  const selfHosted = crms.filter((c) => !c.hosted);
  const [crm, setCrm] = useState<CrmId | undefined>(selfHosted[0]?.id);
  const [address, setAddress] = useState('');
  const label = (id: CrmId) => crms.find((c) => c.id === id)?.label ?? id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (crm) onAdd(crm, address);
  };
  return (
    <section aria-labelledby="kw-crm-title" data-testid="crm-sites">
      <h2 id="kw-crm-title">{t('crm.title')}</h2>
      <p>{t('crm.intro')}</p>
      {error && <p role="alert">{error}</p>}
      <fieldset disabled={busy}>
        <legend>{t('crm.hosted')}</legend>
        {crms
          .filter((c) => c.hosted)
          .map((c) => (
            <label key={c.id} style={{ display: 'block' }}>
              <input
                type="checkbox"
                data-crm={c.id}
                checked={sites.some((s) => s.crm === c.id)}
                onChange={(event) => onToggle(c.id, event.currentTarget.checked)}
              />{' '}
              <span translate="no">{c.label}</span>
            </label>
          ))}
      </fieldset>
      <fieldset disabled={busy}>
        <legend>{t('crm.selfHosted')}</legend>
        <ul className="kw-list">
          {sites
            .filter((s) => !crms.find((c) => c.id === s.crm)?.hosted)
            .map((site) => (
              <li key={`${site.crm} ${site.origins.join(' ')}`}>
                <span translate="no">{label(site.crm)}</span> — <code>{site.origins.join(', ')}</code>{' '}
                <button type="button" onClick={() => onRemove(site)}>
                  {t('crm.remove')}
                </button>
              </li>
            ))}
        </ul>
        <form onSubmit={submit}>
          <select
            value={crm}
            onChange={(event) => setCrm(event.currentTarget.value as CrmId)}
            aria-label={t('crm.selfHosted')}
          >
            {selfHosted.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.label}
              </option>
            ))}
          </select>{' '}
          <input
            type="url"
            required
            value={address}
            placeholder="https://"
            aria-label={t('crm.selfHostedHint')}
            title={t('crm.selfHostedHint')}
            onChange={(event) => setAddress(event.currentTarget.value)}
          />{' '}
          <button type="submit">{t('crm.add')}</button>
        </form>
      </fieldset>
    </section>
  );
}
