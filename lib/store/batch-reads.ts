import type { StoredMessage } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from './db';

// An ingest reads the stored records of a whole batch of ids, and of threads.
// A cursor over the wanted keys (anyOf) waits for each step before taking the
// next, and once the store holds other records among those keys it steps at
// nearly every key, found or not: a batch of a thousand messages costs a
// thousand round trips. Gmail's ids and thread ids grow with time, so a batch
// of mail usually spans a narrow stretch of keys; when few records lie between
// its lowest and highest key, a read of the range returns them all. By id,
// often none of the records in that stretch is wanted (an import's new ids
// fall between stored ones): their keys are read first, and they tell, so
// nothing more is read. By thread, the records in the stretch are read at once.

/** A range read of up to this many records per wanted key is cheaper than a cursor over the keys. */
const RECORDS_PER_KEY_READ_AT_ONCE = 4;

type MessageIndex = '[account+id]' | '[account+threadId]';

/**
 * The account's stored messages whose id (or thread id, by `index`) is among
 * `values`, in the index's order: the same records as `anyOf`, read at once
 * when the values lie close together.
 */
export async function messagesWithAnyOf(
  db: KeepwarmDb,
  index: MessageIndex,
  account: string,
  values: readonly string[],
): Promise<StoredMessage[]> {
  if (values.length === 0) return [];
  let lowest = values[0] as string;
  let highest = lowest;
  for (const value of values) {
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  const range = () => db.messages.where(index).between([account, lowest], [account, highest], true, true);
  const wanted = new Set(values);
  const most = RECORDS_PER_KEY_READ_AT_ONCE * wanted.size;
  if (index === '[account+id]') {
    // Keys only, and no more than enough to tell: a wide range costs no more than a narrow one to rule out.
    const keys = await range()
      .limit(most + 1)
      .primaryKeys();
    if (keys.length <= most) {
      // The index is the primary key: its keys say which wanted records are stored, and only those are read.
      const found = keys.filter(([, id]) => wanted.has(id));
      if (found.length === 0) return [];
      return (await db.messages.bulkGet(found)).filter((message) => message !== undefined);
    }
  } else {
    // By thread, the records in range are the wanted ones but for a few others: reading them at once, no more than
    // enough to tell, spares the request a read of their keys first would cost, as in the id's case.
    const inRange = await range()
      .limit(most + 1)
      .toArray();
    if (inRange.length <= most) return inRange.filter((message) => wanted.has(message.threadId));
  }
  return db.messages
    .where(index)
    .anyOf(values.map((value): [string, string] => [account, value]))
    .toArray();
}
