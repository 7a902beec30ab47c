import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseRoot, openPageDatabase, useDatabase } from './database';
import { useLanguage } from './use-language';
import { TranslatorContext } from './use-translator';

function LanguageRoot({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const translator = useLanguage(db, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = translator.language;
  }, [translator.language]);
  return <TranslatorContext value={translator}>{children}</TranslatorContext>;
}

/** Mounts an extension page's React tree into its `#root`, in the user's language (live: a change in the settings re-renders). */
export function mountPage(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Keepwarm page is missing its #root element');
  const db = openPageDatabase();
  createRoot(root).render(
    <StrictMode>
      <DatabaseRoot db={db}>
        <LanguageRoot>{node}</LanguageRoot>
      </DatabaseRoot>
    </StrictMode>,
  );
}
