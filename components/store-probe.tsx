import { openKeepwarmDb } from '@/lib/store/db';

/** A deliberate breach of the house's rule, to show the import checker refusing it. */
export function StoreProbe() {
  return <p>{openKeepwarmDb().name}</p>;
}
