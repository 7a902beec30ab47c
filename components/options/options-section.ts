import type { ComponentType } from 'react';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { UserSettings } from '@/lib/settings/user-settings';

/** What every section of the options page is given; a section may ignore it. */
export interface OptionsSectionProps {
  settings: UserSettings;
  saveSettings(settings: UserSettings): Promise<void>;
}

/**
 * One section of the options page: its anchor (`options.html#data`), its
 * title (in the page's table of contents, and as the section's h2) and its body.
 */
export interface OptionsSection {
  id: string;
  titleKey: MessageKey;
  Component: ComponentType<OptionsSectionProps>;
  /** The component renders its own `<section id>` and heading; the page adds neither. */
  ownSection?: true;
}
