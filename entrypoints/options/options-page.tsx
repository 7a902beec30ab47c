import { useEffect, useMemo } from 'react';
import type { OptionsSection, OptionsSectionProps } from '@/components/options/options-section';
import { PageShell } from '@/components/page-shell';
import { StorageFullNotice } from '@/components/storage-full-notice';
import { STORAGE_PROBLEM_KEY, storageProblemSchema } from '@/lib/data/storage-problem';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { useExtensionStorage } from '@/lib/ui/use-extension-storage';
import { TranslatorContext, useTranslator } from '@/lib/ui/use-translator';
import { useUserSettings } from '@/lib/ui/use-user-settings';
import '@/components/options/options.css';

function Sections({ sections, props }: { sections: readonly OptionsSection[]; props: OptionsSectionProps }) {
  const translator = useMemo(
    () => createTranslator(resolveLanguage(props.settings.language, navigator.languages)),
    [props.settings.language],
  );
  const { t } = translator;
  const storageProblem = useExtensionStorage(STORAGE_PROBLEM_KEY, storageProblemSchema);
  // The page follows the chosen language at once: its lang (for screen readers and hyphenation) and its title too.
  useEffect(() => {
    document.documentElement.lang = translator.language;
    document.title = translator.t('app.options');
  }, [translator]);
  // The sections render once the settings are in, after the browser looked for the URL's anchor: look again.
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    <TranslatorContext value={translator}>
      <PageShell title={t('app.options')}>
        <StorageFullNotice problem={storageProblem} />
        <nav aria-label={t('options.nav.label')} className="kw-options-nav">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{t(section.titleKey)}</a>
              </li>
            ))}
          </ul>
        </nav>
        {sections.map(({ id, titleKey, Component, ownSection }) =>
          ownSection ? (
            <div key={id} className="kw-options-section">
              <Component {...props} />
            </div>
          ) : (
            <section key={id} id={id} aria-labelledby={`${id}-title`} className="kw-options-section">
              <h2 id={`${id}-title`}>{t(titleKey)}</h2>
              <Component {...props} />
            </section>
          ),
        )}
      </PageShell>
    </TranslatorContext>
  );
}

/** The options page: its sections in order, each under its anchor, in the user's language. */
export function OptionsPage({ sections }: { sections: readonly OptionsSection[] }) {
  const { t } = useTranslator();
  const { state, save } = useUserSettings();
  if (state.kind === 'loading') return <p aria-busy="true">{t('status.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('options.loadFailed', { error: state.error })}</p>;
  return <Sections sections={sections} props={{ settings: state.settings, saveSettings: save }} />;
}
