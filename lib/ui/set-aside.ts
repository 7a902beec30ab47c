// Searching the clients set aside as automated or bulk mail, in the side panel and the options page.

import type { StoredSetAside } from '@/lib/data/stored-rows';

/** Entries whose key, name, or one of whose senders' addresses or names hold every word of the query. */
export function searchSetAside(entries: readonly StoredSetAside[], query: string): StoredSetAside[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [entry.key, entry.name, entry.account, ...entry.senders.flatMap((s) => [s.address, s.name])]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
