// The popup's waiting lists read from the database, most pressing first: each
// list is one read of its index (`onYouPlace.rank`, `stoppedPlace.rank`), over
// every account at once, which holds the clients of that list alone; the first
// rows are its first keys, whatever the size of the book.

import type { StoredClient, StoredWaitingPlace } from '@/lib/data/stored-rows';
import { byPriority } from '@/lib/engine/follow-up-urgency';
import type { WaitingListName } from '@/lib/engine/waiting-order';
import type { KeepwarmDb } from '@/lib/store/db';
import { type WaitingEntry, waitingEntry } from './waiting-list';

const INDEX: Record<WaitingListName, string> = { onYou: 'onYouPlace.rank', stopped: 'stoppedPlace.rank' };

const placeOf = (client: StoredClient, list: WaitingListName): StoredWaitingPlace | undefined =>
  list === 'onYou' ? client.onYouPlace : client.stoppedPlace;

/** The follow-ups' order (priority, urgency, earliest due, then the client's key), which the index gives up to ties. */
function byPlace(list: WaitingListName) {
  const sortable = (client: StoredClient) => {
    const [priority, urgency, negatedDueAt] = placeOf(client, list)?.rank ?? [0, 0, 0];
    return { priority, urgency, dueAt: -negatedDueAt, key: `${client.key}\n${client.account}` };
  };
  return (a: StoredClient, b: StoredClient) => byPriority(sortable(a), sortable(b));
}

type ClientId = [account: string, key: string];
const byKey = (a: ClientId, b: ClientId) =>
  a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/**
 * The first `limit` clients of the list, from keys alone and then one read of
 * exactly those clients. The index orders clients tied on their place by key
 * the other way round from the follow-ups, so the keys of those tied with the
 * last one are read too, and the first of them by key taken.
 */
function first(db: KeepwarmDb, list: WaitingListName, limit: number): Promise<StoredClient[]> {
  return db.transaction('r', db.clients, async () => {
    const head = () => db.clients.orderBy(INDEX[list]).reverse().limit(limit);
    const ranks = (await head().keys()) as unknown as StoredWaitingPlace['rank'][];
    let ids = (await head().primaryKeys()) as unknown as ClientId[];
    const lastRank = ranks.length === limit ? ranks.at(-1) : undefined;
    if (lastRank) {
      const tied = (rank: StoredWaitingPlace['rank'] | undefined) => rank?.every((n, i) => n === lastRank[i]) ?? false;
      const tiedIds = (await db.clients.where(INDEX[list]).equals(lastRank).primaryKeys()) as unknown as ClientId[];
      const above = ids.filter((_, i) => !tied(ranks[i]));
      ids = [...above, ...tiedIds.sort(byKey).slice(0, limit - above.length)];
    }
    return (await db.clients.bulkGet(ids)).filter((c): c is StoredClient => c !== undefined);
  });
}

async function read(db: KeepwarmDb, list: WaitingListName, now: number, limit?: number): Promise<WaitingEntry[]> {
  const clients =
    limit === undefined ? await db.clients.orderBy(INDEX[list]).reverse().toArray() : await first(db, list, limit);
  return clients.sort(byPlace(list)).flatMap((client) => waitingEntry(client, list, now) ?? []);
}

/** The clients waiting on the user; with `limit`, only the first of them. */
export function waitingOnYou(db: KeepwarmDb, now: number, limit?: number): Promise<WaitingEntry[]> {
  return read(db, 'onYou', now, limit);
}

/** The clients who stopped answering the user. */
export function stoppedAnswering(db: KeepwarmDb, now: number): Promise<WaitingEntry[]> {
  return read(db, 'stopped', now);
}
