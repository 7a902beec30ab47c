import { useEffect } from 'react';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { PageShell } from '@/components/page-shell';
import { mountPage } from '@/lib/ui/mount';
import { useDashboard } from '@/lib/ui/use-dashboard';
import { useTranslator } from '@/lib/ui/use-translator';

function AccountDashboard({ account }: { account: string }) {
  const { t } = useTranslator();
  const { state, exportCsv, openClient } = useDashboard(account);
  useEffect(() => {
    document.title = `${t('dashboard.title')} · ${account}`;
  }, [t, account]);
  if (state.kind === 'loading') return <PageShell title={t('dashboard.title')}>{t('dashboard.loading')}</PageShell>;
  if (state.kind === 'failed') {
    return <PageShell title={t('dashboard.title')}>{t('dashboard.failed', { error: state.error })}</PageShell>;
  }
  return (
    <DashboardView
      dashboard={state.dashboard}
      account={account}
      timeZone={state.timeZone}
      empty={state.empty}
      onExport={exportCsv}
      onOpenClient={(key) => void openClient(key)}
    />
  );
}

function DashboardPage() {
  const { t } = useTranslator();
  const account = new URLSearchParams(location.search).get('account');
  if (!account) return <PageShell title={t('dashboard.title')}>{t('dashboard.noAccount')}</PageShell>;
  return <AccountDashboard account={account} />;
}

mountPage(<DashboardPage />);
