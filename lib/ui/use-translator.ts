import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from '@/lib/i18n/translate';

export const TranslatorContext = createContext<Translator>(createTranslator('en'));

export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
