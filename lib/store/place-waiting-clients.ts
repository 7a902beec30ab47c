import type { Transaction } from 'dexie';
import type { StoredClient } from '@/lib/data/stored-rows';
import { waitingPlaces } from '@/lib/data/waiting-places';

/**
 * The upgrade that indexes each client's place in the popup's waiting lists.
 * Every stored report already holds what its place is read from (its reasons
 * and follow-ups, weighed as of its computation), so each client gets the place
 * the recompute that wrote it would have given, and the popup lists the same
 * clients before and after the update.
 */
export async function placeWaitingClients(tx: Transaction): Promise<void> {
  await tx
    .table<StoredClient>('clients')
    .toCollection()
    .modify((client) => {
      Object.assign(client, waitingPlaces(client.report, client.computedAt));
    });
}
