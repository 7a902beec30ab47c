import type { StoredSetAside } from '@/lib/data/stored-rows';
import { useDatabase } from '@/lib/ui/database';
import { readSetAside } from './set-aside-reads';
import { type LiveState, useLiveQuery } from './use-live-query';

/** Every client set aside as automated, over every account, most recent first; live. */
export function useSetAside(): LiveState<{ entries: StoredSetAside[]; total: number }> {
  const db = useDatabase();
  return useLiveQuery(() => readSetAside(db), [db]);
}
