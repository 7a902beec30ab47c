import { useEffect, useState } from 'react';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { PageShell } from '@/components/page-shell';
import { ScopeSwitch } from '@/components/scope-switch';
import type { ViewScope } from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { followTeamChanges } from '@/lib/ui/follow-team-changes';
import { mountPage } from '@/lib/ui/mount';
import { useDashboard } from '@/lib/ui/use-dashboard';
import { useTranslator } from '@/lib/ui/use-translator';

/** Whether a team is connected: the Mine/Team switch shows only then, and follows a connect or a leave. */
function useTeamConnected(): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let live = true;
    const stop = followTeamChanges(() =>
      sendToBackground({ type: 'ui/team-status' })
        .then((status) => live && setConnected(status.connected))
        .catch(() => live && setConnected(false)),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return connected;
}

function AccountDashboard({ account }: { account: string }) {
  const { t } = useTranslator();
  const teamConnected = useTeamConnected();
  const [chosen, setChosen] = useState<ViewScope>('mine');
  const scope = teamConnected ? chosen : 'mine';
  const { state, exportCsv, openClient } = useDashboard(account, scope);
  const label = scope === 'team' ? t('team.scope.team') : account;
  useEffect(() => {
    document.title = `${t('dashboard.title')} · ${label}`;
  }, [t, label]);
  if (state.kind === 'loading') return <PageShell title={t('dashboard.title')}>{t('dashboard.loading')}</PageShell>;
  if (state.kind === 'failed') {
    return <PageShell title={t('dashboard.title')}>{t('dashboard.failed', { error: state.error })}</PageShell>;
  }
  return (
    <DashboardView
      dashboard={state.dashboard}
      account={label}
      timeZone={state.timeZone}
      empty={state.empty}
      onExport={exportCsv}
      onOpenClient={(key) => void openClient(key)}
      scopeSwitch={teamConnected ? <ScopeSwitch scope={scope} onChange={setChosen} /> : undefined}
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
