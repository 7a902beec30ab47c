import { useState } from 'react';
import { browser } from 'wxt/browser';
import { AccountStatus } from '@/components/account-status';
import { DashboardLinks } from '@/components/dashboard/dashboard-links';
import { IncompleteDataNotice } from '@/components/incomplete-data-notice';
import { PageShell } from '@/components/page-shell';
import { PopupRisks } from '@/components/popup-risks';
import { ScopeSwitch } from '@/components/scope-switch';
import { StorageFullNotice } from '@/components/storage-full-notice';
import { TeamScopeBody } from '@/components/team-scope-body';
import { WaitingPopup } from '@/components/waiting-popup';
import { STORAGE_PROBLEM_KEY, storageProblemSchema } from '@/lib/data/storage-problem';
import { accountLabel } from '@/lib/ui/account-label';
import { useIncompleteAccounts } from '@/lib/ui/use-accounts';
import { useExtensionStorage } from '@/lib/ui/use-extension-storage';
import { useStatus } from '@/lib/ui/use-status';
import { useTeamClient } from '@/lib/ui/use-team-client';
import { useTeamScope } from '@/lib/ui/use-team-scope';
import { useTranslator } from '@/lib/ui/use-translator';
import { useWaiting } from '@/lib/ui/use-waiting';

function ImportLink() {
  const { t } = useTranslator();
  return (
    <p className="kw-muted">
      {t('popup.importHint')}{' '}
      <a href="/options.html#import" target="_blank" rel="noreferrer" data-testid="import-link">
        {t('popup.importHistory')}
      </a>
    </p>
  );
}

/** The toolbar popup: who waits on a reply, from either side. */
export function PopupApp() {
  const translator = useTranslator();
  const { t } = translator;
  const status = useStatus();
  const incomplete = useIncompleteAccounts();
  const storageProblem = useExtensionStorage(STORAGE_PROBLEM_KEY, storageProblemSchema);
  const { onYou, stopped, riskiest, anyClient, open, openClient } = useWaiting();
  const { team, scope, choose, waiting } = useTeamScope();
  const [opened, setOpened] = useState<string>();
  const teamClient = useTeamClient(team.connected && scope === 'team' ? opened : undefined);
  const noAccounts = status.kind === 'ready' && status.status.accounts.length === 0;
  const noClients = anyClient === false;
  let body: React.ReactNode;
  if (team.connected && scope === 'team') {
    body = (
      <TeamScopeBody
        team={team}
        waiting={waiting}
        {...(opened !== undefined && { opened: { key: opened, reply: teamClient.reply } })}
        onOpen={setOpened}
        onBack={() => setOpened(undefined)}
        onSearchInGmail={() => void teamClient.searchInGmail().then(() => window.close())}
      />
    );
  } else if (onYou.kind === 'failed') body = <p role="alert">{onYou.error}</p>;
  else if (noClients && (noAccounts || status.kind !== 'ready')) {
    body = <AccountStatus state={status} importLink />;
  } else if (noClients) {
    body = (
      <>
        <p data-testid="no-clients">{t('overview.noClients')}</p>
        <ImportLink />
      </>
    );
  } else if (onYou.kind === 'ready') {
    body = (
      <>
        <WaitingPopup
          waitingOnYou={onYou.value}
          stoppedAnswering={stopped}
          now={Date.now()}
          onOpen={(entry) => {
            void open(entry).then(() => window.close());
          }}
        />
        <PopupRisks
          riskiest={riskiest ?? []}
          onOpen={(client) => {
            void openClient(client).then(() => window.close());
          }}
        />
      </>
    );
  } else body = <p aria-busy="true">{t('status.loading')}</p>;
  return (
    <PageShell title={t('app.name')}>
      <StorageFullNotice problem={storageProblem} optionsHref={browser.runtime.getURL('/options.html#storage')} />
      <IncompleteDataNotice accounts={incomplete} />
      {team.connected ? <ScopeSwitch scope={scope} onChange={choose} /> : null}
      {body}
      <footer className="kw-footer">
        {status.kind === 'ready' && status.status.accounts.length > 0 ? (
          <span className="kw-muted" data-testid="accounts">
            {t('status.watching')}:{' '}
            {status.status.accounts.map((account) => accountLabel(account, translator)).join(', ')}
          </span>
        ) : null}
        {status.kind === 'ready' && (
          <DashboardLinks accounts={status.status.accounts.flatMap((account) => account.address ?? [])} />
        )}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popup.settings')}
        </a>
      </footer>
    </PageShell>
  );
}
