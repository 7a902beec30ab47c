import { useClientOverview } from '@/lib/ui/use-client-overview';
import { useStatus } from '@/lib/ui/use-status';
import { useTranslator } from '@/lib/ui/use-translator';
import { AccountStatus } from './account-status';
import { ClientOverview } from './client-overview';
import { PageShell } from './page-shell';

/** The watched accounts, who waits on the user and who is at risk: the popup's and the side panel's first view. */
export function OverviewApp() {
  const { t } = useTranslator();
  const status = useStatus();
  const overview = useClientOverview();
  return (
    <PageShell title={t('app.name')}>
      <AccountStatus state={status} importLink />
      {overview.kind === 'ready' ? <ClientOverview overview={overview.value} now={Date.now()} /> : null}
    </PageShell>
  );
}
