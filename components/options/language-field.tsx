import { useState } from 'react';
import { LANGUAGES, type Language } from '@/lib/i18n/locales';
import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { OptionsSectionProps } from './options-section';

/** Each language in its own words, so a reader finds theirs whatever the page's language is. */
const ENDONYMS: Record<Language, string> = { en: 'English', uk: 'Українська', ru: 'Русский' };

/** The page's language: applied and saved as soon as it is chosen. */
export function LanguageField({ settings, saveSettings }: OptionsSectionProps) {
  const { t } = useTranslator();
  const [failed, setFailed] = useState<string>();
  const choose = (value: string) => {
    const language = value as UserLanguage;
    setFailed(undefined);
    saveSettings({ ...settings, language }).catch((error: unknown) => setFailed(String(error)));
  };
  return (
    <div className="kw-group">
      <Field id="language" label={t('options.language.label')} hint={t('options.language.hint')}>
        <select value={settings.language} onChange={(event) => choose(event.target.value)}>
          <option value="auto">{t('options.language.auto')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language} translate="no">
              {ENDONYMS[language]}
            </option>
          ))}
        </select>
      </Field>
      {failed ? <p role="alert">{t('options.saveFailed', { error: failed })}</p> : null}
    </div>
  );
}

type UserLanguage = OptionsSectionProps['settings']['language'];
