import { createContext, type ReactNode, use } from 'react';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';

const DatabaseContext = createContext<KeepwarmDb | undefined>(undefined);

/**
 * The page's one database connection, opening already: asked for before the
 * page first renders, the connection is made while React renders and the
 * first reads go out as soon as their hooks run, instead of waiting for the
 * open behind them.
 */
export function openPageDatabase(): KeepwarmDb {
  const db = openKeepwarmDb();
  // A database that cannot open fails every read with the reason, and each hook shows it: nothing is lost here.
  db.open().catch(() => undefined);
  return db;
}

/** Gives the page's database to every data hook below. */
export function DatabaseRoot({ db, children }: { db: KeepwarmDb; children: ReactNode }) {
  return <DatabaseContext value={db}>{children}</DatabaseContext>;
}

/** The page's database, read-only by the house's rule: only the background writes. */
export function useDatabase(): KeepwarmDb {
  const db = use(DatabaseContext);
  if (!db) throw new Error('Keepwarm page reads the database outside DatabaseRoot');
  return db;
}
