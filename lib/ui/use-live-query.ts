import { liveQuery } from 'dexie';
import { type DependencyList, useEffect, useState } from 'react';

export type LiveState<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: string };

/** A Dexie query that re-runs whenever the data it read changes (the background writes, pages follow). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: DependencyList): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ kind: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ kind: 'ready', value }),
      error: (error: unknown) => setState({ kind: 'failed', error: String(error) }),
    });
    return () => subscription.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the query's inputs in deps
  }, deps);
  return state;
}
