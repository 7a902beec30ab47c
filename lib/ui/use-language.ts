import { useMemo } from 'react';
import { LANGUAGES, type Language, resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator, type Translator } from '@/lib/i18n/translate';
import type { KeepwarmDb } from '@/lib/store/db';
import { useLiveQuery } from './use-live-query';

/** The language the user chose in the settings, or 'auto'; a stored value we do not know counts as 'auto'. */
export async function chosenLanguage(db: KeepwarmDb): Promise<Language | 'auto'> {
  const chosen = (await db.settings.get('user'))?.settings.language;
  return LANGUAGES.find((language) => language === chosen) ?? 'auto';
}

/** The page's translator: follows the settings live, the browser until they are read or when set to 'auto'. */
export function useLanguage(db: KeepwarmDb, browserLanguages: readonly string[]): Translator {
  const chosen = useLiveQuery(() => chosenLanguage(db), [db]);
  const language = resolveLanguage(chosen.kind === 'ready' ? chosen.value : 'auto', browserLanguages);
  return useMemo(() => createTranslator(language), [language]);
}
