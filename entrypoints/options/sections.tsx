import { CrmSitesSection } from '@/components/crm-sites-section';
import { BacktestPanel } from '@/components/options/backtest-panel';
import type { OptionsSection } from '@/components/options/options-section';
import { TeamSection } from '@/components/team-section';
import { useBacktest } from '@/lib/features/backtest/use-backtest';
import { useKnownAccounts } from '@/lib/ui/use-accounts';
import { useStatus } from '@/lib/ui/use-status';
import { DataSection } from './data-section';
import { ImportPanel } from './import-panel';
import { SetAsideSection } from './set-aside-section';
import { SettingsSection } from './settings-section';
import { useCrmSites } from './use-crm-sites';
import { useTeam } from './use-team';

function MailboxImport() {
  return <ImportPanel status={useStatus()} />;
}

function Backtest() {
  const known = useKnownAccounts();
  const { state, run } = useBacktest();
  return (
    <BacktestPanel
      accounts={known.kind === 'ready' ? known.value.map((a) => a.address) : []}
      state={state}
      onRun={run}
    />
  );
}

function Team() {
  return <TeamSection {...useTeam()} />;
}

function CrmSites() {
  return <CrmSitesSection {...useCrmSites()} />;
}

// The options page's sections, in page order; each is reachable at options.html#<id>.
// A new section is one line here.
export const OPTIONS_SECTIONS: OptionsSection[] = [
  { id: 'settings', titleKey: 'options.section.settings', Component: SettingsSection },
  { id: 'import', titleKey: 'import.title', Component: MailboxImport, ownSection: true },
  { id: 'backtest', titleKey: 'backtest.title', Component: Backtest },
  { id: 'crm', titleKey: 'crm.title', Component: CrmSites, ownSection: true },
  { id: 'team', titleKey: 'team.title', Component: Team, ownSection: true },
  { id: 'set-aside', titleKey: 'setAside.title', Component: SetAsideSection, ownSection: true },
  { id: 'data', titleKey: 'options.section.data', Component: DataSection },
];
