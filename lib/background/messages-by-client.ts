// Reading one account's messages a client at a time, for the full recompute:
// it holds the messages of one client (and one chunk), never the account's.

import type { StoredMessage } from '@/lib/data/stored-rows';
import { byTime } from '@/lib/engine/conversation';
import type { KeepwarmDb } from '@/lib/store/db';

/** Messages per read: few round trips, and little held at once. */
const CHUNK = 2000;

/** The messages the engine can use, in the account's time order ([account+at]: by time, then id). */
function usable(messages: Iterable<StoredMessage>): StoredMessage[] {
  const kept: StoredMessage[] = [];
  // A time that is not a number is an issue for the engine, and would leave the order undefined.
  for (const m of messages) if (m.senderKnown && Number.isFinite(m.at)) kept.push(m);
  return kept.sort(byTime);
}

/**
 * The ref each message of a chunk was read under. A message is read once per
 * ref it has, and an index returns its entries by ref, then by id: the ref of
 * an entry is the message's first ref past the previous entry.
 */
function refsOfEntries(chunk: readonly StoredMessage[], from: string, fromIncluded: boolean): string[] {
  const refs: string[] = [];
  let previous: { ref: string; id: string } | undefined;
  for (const m of chunk) {
    const after = previous;
    const ref = [...m.clientRefs]
      .sort()
      .find((r) =>
        after ? r > after.ref || (r === after.ref && m.id > after.id) : r > from || (fromIncluded && r === from),
      );
    if (ref === undefined) throw new Error(`message ${m.id} is not filed under a ref it was read under`);
    previous = { ref, id: m.id };
    refs.push(ref);
  }
  return refs;
}

/**
 * Walks the account's messages by client ref, a chunk at a time, and hands
 * each ref's usable messages over whole, with the ref's base key (the ref
 * without `<account>|`). Each chunk is its own read: a writer never waits
 * for the whole walk, and what it changes meanwhile is marked pending.
 */
export async function forEachRefOfAccount(
  db: KeepwarmDb,
  account: string,
  handle: (base: string, messages: StoredMessage[]) => void,
  chunkSize = CHUNK,
): Promise<void> {
  const prefix = `${account}|`;
  const end = `${prefix}\uffff`;
  let from = prefix;
  let fromIncluded = true;
  for (;;) {
    const chunk = await db.messages
      .where('clientRefs')
      .between(from, end, fromIncluded, false)
      .limit(chunkSize)
      .toArray();
    const refs = refsOfEntries(chunk, from, fromIncluded);
    const last = refs.at(-1);
    if (last === undefined) return;
    // The last ref of a full chunk may go on in the next one: it is read again from its start there.
    const whole = chunk.length < chunkSize ? refs.length : refs.indexOf(last);
    let start = 0;
    for (let i = 1; i <= whole; i++) {
      if (i < whole && refs[i] === refs[start]) continue;
      handle((refs[start] ?? '').slice(prefix.length), usable(chunk.slice(start, i)));
      start = i;
    }
    if (chunk.length < chunkSize) return;
    if (whole > 0) {
      from = last;
      fromIncluded = true;
    } else {
      // One ref fills the chunk: its client is the largest yet, read whole.
      handle(last.slice(prefix.length), usable(await db.messages.where('clientRefs').equals(last).toArray()));
      from = last;
      fromIncluded = false;
    }
  }
}

/** The usable messages filed under any of these base keys, each once. */
export async function messagesFiledUnder(
  db: KeepwarmDb,
  account: string,
  bases: readonly string[],
): Promise<StoredMessage[]> {
  const byId = new Map<string, StoredMessage>();
  // One plain read per key: anyOf().distinct() walks a cursor record by record.
  for (const base of bases) {
    for (const m of await db.messages.where('clientRefs').equals(`${account}|${base}`).toArray()) byId.set(m.id, m);
  }
  return usable(byId.values());
}
