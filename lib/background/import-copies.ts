import type { KeepwarmDb } from '@/lib/store/db';

export interface CopyCandidate {
  id: string;
  at: number;
  copyKey?: string;
}

/**
 * For each message of an import batch that is a copy of a message already
 * stored under another id (some exports give every folder's copy its own
 * Message-ID), the stored message's id, by the rule one import dedupes by: the
 * same copy key (sender, exact time, normalized subject, body fingerprint).
 * Only the messages stored at the batch's exact times are candidates, read as
 * keys through the time index: on new mail that is a handful of keys, and
 * only the few records at those times under other ids are read whole.
 */
export async function storedCopyIds(
  db: KeepwarmDb,
  account: string,
  messages: readonly CopyCandidate[],
): Promise<Map<string, string>> {
  const copies = new Map<string, string>();
  const keyed = messages.filter((message) => message.copyKey);
  if (keyed.length === 0) return copies;
  const times = [...new Set(keyed.map((message) => message.at))];
  const atTimes = await db.messages
    .where('[account+at]')
    .anyOf(times.map((at): [string, number] => [account, at]))
    .primaryKeys();
  const storedIds = new Set(atTimes.map(([, id]) => id));
  const incomingIds = new Set(messages.map((message) => message.id));
  // A message stored under its own id is the ingest's to merge; only the others can be copies.
  const others = atTimes.filter(([, id]) => !incomingIds.has(id));
  if (others.length === 0) return copies;
  const idOfKey = new Map<string, string>();
  for (const stored of await db.messages.bulkGet(others)) {
    if (stored?.copyKey && !idOfKey.has(stored.copyKey)) idOfKey.set(stored.copyKey, stored.id);
  }
  for (const message of keyed) {
    if (storedIds.has(message.id)) continue;
    const storedId = idOfKey.get(message.copyKey as string);
    if (storedId !== undefined) copies.set(message.id, storedId);
  }
  return copies;
}
