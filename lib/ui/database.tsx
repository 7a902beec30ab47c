import { createContext, type ReactNode, use, useMemo } from 'react';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';

const DatabaseContext = createContext<KeepwarmDb | undefined>(undefined);

/** Opens the page's one database connection and gives it to every data hook below. */
export function DatabaseRoot({ children }: { children: ReactNode }) {
  const db = useMemo(() => openKeepwarmDb(), []);
  return <DatabaseContext value={db}>{children}</DatabaseContext>;
}

/** The page's database, read-only by the house's rule: only the background writes. */
export function useDatabase(): KeepwarmDb {
  const db = use(DatabaseContext);
  if (!db) throw new Error('Keepwarm page reads the database outside DatabaseRoot');
  return db;
}
