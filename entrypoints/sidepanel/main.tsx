import { AccountStatus } from '@/components/account-status';
import { ClientOverview } from '@/components/client-overview';
import { PageShell } from '@/components/page-shell';
import { mountPage } from '@/lib/ui/mount';
import { useClientOverview } from '@/lib/ui/use-client-overview';
import { useStatus } from '@/lib/ui/use-status';
import { useTranslator } from '@/lib/ui/use-translator';

function SidePanel() {
  const { t } = useTranslator();
  const status = useStatus();
  const overview = useClientOverview();
  return (
    <PageShell title={t('app.name')}>
      <AccountStatus state={status} />
      {overview.kind === 'ready' ? <ClientOverview overview={overview.value} now={Date.now()} /> : null}
    </PageShell>
  );
}

mountPage(<SidePanel />);
