import { useCallback, useEffect, useState } from 'react';
import type { StoredClient } from '@/lib/data/stored-rows';
import { useDatabase } from '@/lib/ui/database';
import { riskiestClients } from './client-detail';
import { accountPathOf, gmailThreadUrl, openInGmail } from './open-in-gmail';
import { type LiveState, useLiveQuery } from './use-live-query';
import type { WaitingEntry } from './waiting-list';
import { stoppedAnswering, waitingOnYou } from './waiting-reads';

/** More than a popup shows at once: the rest loads after the first paint. */
const FIRST_SHOWN = 12;
const RISKIEST_SHOWN = 3;

/**
 * True once the frame that shows `ready` has been produced: the callback of
 * the next frame's animation runs after it, and a task after that. Later reads
 * (hundreds of whole reports in a large book) must not delay that paint.
 */
function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setPainted(true), 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

const later = <T>(state: LiveState<T>) => (state.kind === 'ready' ? state.value : undefined);

/**
 * The popup's data, live, in stages so the first clients waiting on the user
 * paint whatever the size of the book: the first rows, then the whole list
 * (for scrolling and search), then the clients who stopped answering.
 */
export function useWaiting() {
  const db = useDatabase();
  const first = useLiveQuery(() => waitingOnYou(db, Date.now(), FIRST_SHOWN), [db]);
  const firstReady = usePaintedAfter(first.kind === 'ready');
  const all = useLiveQuery(async () => (firstReady ? waitingOnYou(db, Date.now()) : undefined), [db, firstReady]);
  const allReady = later(all) !== undefined;
  const stopped = useLiveQuery(async () => (allReady ? stoppedAnswering(db, Date.now()) : undefined), [db, allReady]);
  const riskiest = useLiveQuery(
    async () => (allReady ? riskiestClients(db, RISKIEST_SHOWN) : undefined),
    [db, allReady],
  );
  // Whether any client is known at all, to tell "nothing learnt yet": one key, never a count of the book.
  const nobodyFirst = first.kind === 'ready' && first.value.length === 0;
  const anyClient = useLiveQuery(
    async () => (nobodyFirst || firstReady ? (await db.clients.limit(1).primaryKeys()).length > 0 : undefined),
    [db, nobodyFirst || firstReady],
  );
  const open = useCallback(
    async (entry: WaitingEntry) => {
      await openInGmail(gmailThreadUrl(await accountPathOf(db, entry.account), entry.threadId));
    },
    [db],
  );
  const onYou: LiveState<WaitingEntry[]> =
    all.kind === 'ready' && all.value ? { kind: 'ready', value: all.value } : first;
  const openClient = useCallback(
    async (client: StoredClient) => {
      const { report } = client;
      const threadId = report.risk.reasons.find((r) => r.threadId)?.threadId ?? report.threads[0]?.threadId;
      await openInGmail(gmailThreadUrl(await accountPathOf(db, client.account), threadId));
    },
    [db],
  );
  return {
    onYou,
    stopped: later(stopped),
    riskiest: later(riskiest),
    anyClient: later(anyClient),
    open,
    openClient,
  };
}
