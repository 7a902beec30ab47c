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

async function read(db: KeepwarmDb, list: WaitingListName, now: number, limit?: number): Promise<WaitingEntry[]> {
  const ordered = db.clients.orderBy(INDEX[list]).reverse();
  let clients: StoredClient[] = await (limit === undefined ? ordered : ordered.limit(limit)).toArray();
  const last = clients.length === limit ? clients.at(-1) : undefined;
  const lastRank = last && placeOf(last, list)?.rank;
  if (lastRank) {
    // Clients tied with the last one read are ordered by key, which the index cannot do: read them all.
    const tied = await db.clients.where(INDEX[list]).equals(lastRank).toArray();
    const read = new Set(clients.map((c) => `${c.account}\n${c.key}`));
    clients = [...clients, ...tied.filter((c) => !read.has(`${c.account}\n${c.key}`))];
  }
  return clients
    .sort(byPlace(list))
    .slice(0, limit)
    .flatMap((client) => waitingEntry(client, list, now) ?? []);
}

/** The clients waiting on the user; with `limit`, only the first of them. */
export function waitingOnYou(db: KeepwarmDb, now: number, limit?: number): Promise<WaitingEntry[]> {
  return read(db, 'onYou', now, limit);
}

/** The clients who stopped answering the user. */
export function stoppedAnswering(db: KeepwarmDb, now: number): Promise<WaitingEntry[]> {
  return read(db, 'stopped', now);
}
