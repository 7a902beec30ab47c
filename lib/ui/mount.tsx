import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { TranslatorContext } from './use-translator';

/** Mounts an extension page's React tree into its `#root`, in the user's language. */
export function mountPage(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Keepwarm page is missing its #root element');
  const translator = createTranslator(resolveLanguage('auto', navigator.languages));
  document.documentElement.lang = translator.language;
  createRoot(root).render(
    <StrictMode>
      <TranslatorContext value={translator}>{node}</TranslatorContext>
    </StrictMode>,
  );
}
