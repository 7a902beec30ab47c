import { CrmSitesSection } from '@/components/crm-sites-section';
import type { OptionsSection } from '@/components/options/options-section';
import { useStatus } from '@/lib/ui/use-status';
import { DataSection } from './data-section';
import { ImportPanel } from './import-panel';
import { SetAsideSection } from './set-aside-section';
import { SettingsSection } from './settings-section';
import { useCrmSites } from './use-crm-sites';

function MailboxImport() {
  return <ImportPanel status={useStatus()} />;
}

function CrmSites() {
  return <CrmSitesSection {...useCrmSites()} />;
}

// The options page's sections, in page order; each is reachable at options.html#<id>.
// A new section is one line here.
export const OPTIONS_SECTIONS: OptionsSection[] = [
  { id: 'settings', titleKey: 'options.section.settings', Component: SettingsSection },
  { id: 'import', titleKey: 'import.title', Component: MailboxImport, ownSection: true },
  { id: 'crm', titleKey: 'crm.title', Component: CrmSites, ownSection: true },
  { id: 'set-aside', titleKey: 'setAside.title', Component: SetAsideSection, ownSection: true },
  { id: 'data', titleKey: 'options.section.data', Component: DataSection },
];
