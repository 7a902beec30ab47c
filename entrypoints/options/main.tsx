import { AccountStatus } from '@/components/account-status';
import { CrmSitesSection } from '@/components/crm-sites-section';
import { PageShell } from '@/components/page-shell';
import { ImportPanel } from '@/lib/ui/import-panel';
import { mountPage } from '@/lib/ui/mount';
import { useCrmSites } from '@/lib/ui/use-crm-sites';
import { useStatus } from '@/lib/ui/use-status';
import { useTranslator } from '@/lib/ui/use-translator';

function Options() {
  const { t } = useTranslator();
  const status = useStatus();
  return (
    <PageShell title={t('app.options')}>
      <AccountStatus state={status} />
      <ImportPanel status={status} />
      <CrmSitesSection {...useCrmSites()} />
    </PageShell>
  );
}

mountPage(<Options />);
