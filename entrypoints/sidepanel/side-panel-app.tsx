import { useMemo, useState } from 'react';
import { ClientView } from '@/components/client-view';
import { CrmCandidate } from '@/components/crm-candidate';
import { IncompleteDataNotice } from '@/components/incomplete-data-notice';
import { PageShell } from '@/components/page-shell';
import { PanelOverview } from '@/components/panel-overview';
import { RiskModelNote } from '@/components/risk-model-note';
import { ScopeSwitch } from '@/components/scope-switch';
import { TeamClientCard } from '@/components/team-client-card';
import { TeamScopeBody } from '@/components/team-scope-body';
import { clientActions, includeClient, watchClient } from '@/lib/ui/client-actions';
import { useIncompleteAccounts, useKnownAccounts } from '@/lib/ui/use-accounts';
import { usePanelTarget } from '@/lib/ui/use-panel-target';
import { useSidePanel } from '@/lib/ui/use-side-panel';
import { useTeamClient } from '@/lib/ui/use-team-client';
import { useTeamScope } from '@/lib/ui/use-team-scope';
import { useTranslator } from '@/lib/ui/use-translator';
import '@/components/client-row.css';
import '@/components/side-panel.css';

/** The side panel: follows the active Gmail conversation or CRM record, a clicked badge, or shows the clients at risk. */
export function SidePanelApp() {
  const { t } = useTranslator();
  const { target, picked, choose } = usePanelTarget();
  const { view, openThread, mergeTargets } = useSidePanel(target);
  const incomplete = useIncompleteAccounts();
  const known = useKnownAccounts();
  const { team, scope, choose: chooseScope, waiting } = useTeamScope();
  const inTeam = team.connected && scope === 'team' ? team : undefined;
  const client = view.kind === 'ready' && view.value.kind === 'client' ? view.value.detail.client : undefined;
  // In the team scope: the client a row of the team's lists opened, else the one the panel shows.
  const [opened, setOpened] = useState<string>();
  const teamClient = useTeamClient(inTeam ? (opened ?? client?.key) : undefined);
  const account = client?.account;
  const clientKey = client?.key;
  const actions = useMemo(
    () => (account && clientKey ? clientActions(account, clientKey) : undefined),
    [account, clientKey],
  );
  let body: React.ReactNode = <p aria-busy="true">{t('status.loading')}</p>;
  if (view.kind === 'failed') body = <p role="alert">{view.error}</p>;
  else if (view.kind === 'ready') {
    const value = view.value;
    if (value.kind === 'reading') body = <p aria-busy="true">{t('panel.reading')}</p>;
    else if (value.kind === 'candidate')
      body = <CrmCandidate candidate={value.candidate} accounts={value.accounts} onWatch={watchClient} />;
    else if (value.kind === 'unknown-thread') body = <p data-testid="no-client">{t('panel.noClientForThread')}</p>;
    else if (value.kind === 'overview' && inTeam) {
      body = (
        <TeamScopeBody
          team={inTeam}
          waiting={waiting}
          {...(opened !== undefined && { opened: { key: opened, reply: teamClient.reply } })}
          onOpen={setOpened}
          onBack={() => setOpened(undefined)}
          onSearchInGmail={() => void teamClient.searchInGmail()}
        />
      );
    } else if (value.kind === 'overview')
      body = (
        <PanelOverview
          riskiest={value.riskiest}
          watched={value.watched}
          clientCount={value.clientCount}
          setAside={value.setAside}
          onPick={(picked) => choose({ account: picked.account, clientKey: picked.key })}
          onInclude={(entry) => void includeClient(entry.account, entry.key)}
        />
      );
    else if (actions && mergeTargets && inTeam)
      body = teamClient.reply?.connected ? (
        <TeamClientCard
          client={teamClient.reply.client}
          now={teamClient.reply.computedAt}
          onSearchInGmail={() => void teamClient.searchInGmail()}
        />
      ) : (
        <p aria-busy="true">{t('status.loading')}</p>
      );
    else if (actions && mergeTargets)
      body = (
        <ClientView
          detail={value.detail}
          now={Date.now()}
          actions={actions}
          mergeTargets={mergeTargets}
          mine={(email) => value.mine.has(email.toLowerCase())}
          onOpenThread={(threadId) => void openThread(value.detail.client.account, threadId)}
        />
      );
  }
  return (
    <PageShell title={t('app.name')}>
      {picked ? (
        <button type="button" className="kw-back" onClick={() => choose(undefined)}>
          ← {t('panel.back')}
        </button>
      ) : null}
      <IncompleteDataNotice accounts={incomplete} />
      {team.connected ? <ScopeSwitch scope={scope} onChange={chooseScope} /> : null}
      {body}
      {view.kind === 'ready' && (view.value.kind === 'overview' || client) ? (
        <RiskModelNote
          accounts={(known.kind === 'ready' ? known.value : []).filter((a) => !account || a.address === account)}
        />
      ) : null}
    </PageShell>
  );
}
