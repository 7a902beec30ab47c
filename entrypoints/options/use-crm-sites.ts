import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CrmChoice, CrmSitesSectionProps } from '@/components/crm-sites-section';
import type { CrmSite } from '@/lib/features/crm/messages';
import { sendToBackground } from '@/lib/messaging/send';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { originsFor } from '@/lib/sites/crm/hosts';
import type { CrmId } from '@/lib/sites/crm/types';
import { useTranslator } from '@/lib/ui/use-translator';

const CRMS: CrmChoice[] = Object.values(CRM_ADAPTERS)
  .filter((adapter) => adapter.id !== 'generic')
  .map((adapter) => ({ id: adapter.id, label: adapter.label, hosted: adapter.hosts.length > 0 }));

/**
 * The CRM switches of the options page. The browser shows its permission
 * prompt only during the user's click, so the request is made here, first;
 * the background then registers the CRM's script on what was granted.
 */
export function useCrmSites(): CrmSitesSectionProps {
  const { t } = useTranslator();
  const [sites, setSites] = useState<CrmSite[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    setSites((await sendToBackground({ type: 'ui/get-crm-sites' })).sites);
  }, []);
  useEffect(() => {
    reload().catch((e: unknown) => setError(t('status.unreachable', { error: String(e) })));
  }, [reload, t]);

  const change = (crm: CrmId, enabled: boolean, address?: string) => {
    const origins = originsFor(crm, address);
    if (!origins) {
      setError(t('crm.badAddress'));
      return;
    }
    setBusy(true);
    setError(undefined);
    const granted = enabled ? browser.permissions.request({ origins }) : Promise.resolve(true);
    granted
      .then(async (ok) => {
        if (!ok) {
          setError(t('crm.denied', { host: origins.join(', ') }));
          return;
        }
        await sendToBackground({ type: 'ui/set-crm-site', crm: crm as Exclude<CrmId, 'generic'>, enabled, address });
        await reload();
      })
      .catch((e: unknown) => setError(t('crm.failed', { crm: CRM_ADAPTERS[crm].label, error: String(e) })))
      .finally(() => setBusy(false));
  };

  return {
    crms: CRMS,
    sites,
    busy,
    error,
    onToggle: (crm, enabled) => change(crm, enabled),
    onAdd: (crm, address) => change(crm, true, address),
    onRemove: (site) => change(site.crm, false, site.origins[0]?.replace(/\/\*$/, '/')),
  };
}
