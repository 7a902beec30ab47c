import { useMemo } from 'react';
import { openKeepwarmDb } from '@/lib/store/db';
import { type ClientOverview, clientOverview } from './client-queries';
import { type LiveState, useLiveQuery } from './use-live-query';

/** The overview, live: pages only read the store, and follow every write the background makes. */
export function useClientOverview(): LiveState<ClientOverview> {
  const db = useMemo(() => openKeepwarmDb(), []);
  return useLiveQuery(() => clientOverview(db), [db]);
}
