import { DataSection } from '@/components/options/data-section';
import type { OptionsSection } from '@/components/options/options-page';
import { SettingsSection } from '@/components/options/settings-section';

// The options page's sections, in page order; each is reachable at options.html#<id>.
// A new section is one line here.
export const OPTIONS_SECTIONS: OptionsSection[] = [
  { id: 'settings', titleKey: 'options.section.settings', Component: SettingsSection },
  { id: 'data', titleKey: 'options.section.data', Component: DataSection },
];
