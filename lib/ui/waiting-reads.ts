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
const idOf = (client: StoredClient): ClientId => [client.account, client.key];
const keyOfId = ([account, key]: ClientId) => `${key}\n${account}`;

/**
 * The first `limit` clients of the list: the index's first rows, read in one
 * pass. The index orders clients tied on their place by key the other way
 * round from the follow-ups, so when the last row shares its place with
 * others, the keys of all those tied are read, the first of them by key
 * taken, and only the rows not read yet fetched.
 */
function first(db: KeepwarmDb, list: WaitingListName, limit: number): Promise<StoredClient[]> {
  return db.transaction('r', db.clients, async () => {
    const head = await db.clients.orderBy(INDEX[list]).reverse().limit(limit).toArray();
    const lastRank = head.length === limit ? placeOf(head.at(-1) as StoredClient, list)?.rank : undefined;
    if (!lastRank) return head;
    const tied = (client: StoredClient) => placeOf(client, list)?.rank.every((n, i) => n === lastRank[i]) ?? false;
    const above = head.filter((client) => !tied(client));
    const tiedIds = (await db.clients.where(INDEX[list]).equals(lastRank).primaryKeys()) as unknown as ClientId[];
    const wanted = tiedIds.sort(byKey).slice(0, limit - above.length);
    const read = new Map(head.map((client) => [keyOfId(idOf(client)), client]));
    const missing = wanted.filter((id) => !read.has(keyOfId(id)));
    if (missing.length > 0) {
      for (const client of await db.clients.bulkGet(missing)) if (client) read.set(keyOfId(idOf(client)), client);
    }
    return [...above, ...wanted.flatMap((id) => read.get(keyOfId(id)) ?? [])];
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
