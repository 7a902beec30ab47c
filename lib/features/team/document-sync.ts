import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';

// Whether one document is in step with the server, as the options page tells
// the member. The provider's own count of unacknowledged messages is no
// answer, for two reasons:
// - A colleague's document is read-only for this member. When its local copy
//   loads after the provider's handshake began (colleagues' documents open
//   once the roster arrives, with the socket already up), the provider sends
//   what it loaded as a change; the server refuses any change on a read-only
//   connection, so that count never returned to zero and the replica said
//   "Syncing…" forever. The more members, the more documents in that race.
// - The keep-alive (a sync request every 20 s on the member's own document)
//   resets the count to one until the server's reply gets through, and on a
//   socket carrying a whole team's documents that reply waits behind every
//   colleague's summaries.
// So: a document is in step once its handshake since the last connect is done
// and, if this member may write it, every change made here has been taken.
// Below, the replica's status followed as a whole, and a document emptied
// once the server has taken it.

export interface DocumentSync {
  synced(): boolean;
}

/** `mayHaveChanged` is called after anything that can turn `synced()` either way, once its own flag is set. */
export function followDocumentSync(
  doc: Y.Doc,
  provider: HocuspocusProvider,
  writable: boolean,
  mayHaveChanged: () => void = () => undefined,
): DocumentSync {
  // The handshake's end, and a message the server acknowledged.
  provider.on('synced', mayHaveChanged);
  provider.on('unsyncedChanges', mayHaveChanged);
  if (!writable) return { synced: () => provider.isSynced };
  let waiting = false;
  // A change from anywhere but the server (the member's own writes, or the local copy
  // bringing back what the server lacks) is sent, and waits for the server to take it.
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) {
      waiting = true;
      mayHaveChanged();
    }
  });
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0) waiting = false;
  });
  return { synced: () => provider.isSynced && !waiting };
}

/**
 * Calls `told` once the status `read` gives differs from the last it told,
 * looked at a moment after any event that may change it: the provider's own
 * flags settle after the socket's events (a closing socket says so before its
 * documents mark themselves out of step), and a burst of events is one look.
 */
export function followStatus(read: () => string, told: () => void): () => void {
  let last = read();
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      const now = read();
      if (now === last) return;
      last = now;
      told();
    }, 0);
  };
}

/** Empties a member's summaries; resolves once the server has taken the change. */
export async function emptyDocument(doc: Y.Doc, map: Y.Map<unknown>, provider: HocuspocusProvider): Promise<void> {
  doc.transact(() => {
    for (const key of [...map.keys()]) map.delete(key);
  });
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!provider.hasUnsyncedChanges) {
        provider.off('unsyncedChanges', check);
        resolve();
      }
    };
    provider.on('unsyncedChanges', check);
    check();
  });
}
