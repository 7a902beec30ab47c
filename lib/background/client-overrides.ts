import type { StoredClientOverride } from '@/lib/data/stored-rows';
import { parseClientOverrides } from '@/lib/engine/overrides-schema';
import type { KeepwarmDb } from '@/lib/store/db';

type Patch<T> = { [K in keyof T]?: T[K] | null };
export type OverridePatch = Patch<Omit<StoredClientOverride, 'account' | 'key' | 'split' | 'updatedAt'>>;

function withoutEmpty(row: StoredClientOverride): StoredClientOverride | undefined {
  const { account: _a, key: _k, updatedAt: _u, ...rest } = row;
  return Object.keys(rest).length > 0 ? row : undefined;
}

/** Stores a row, or removes it once it no longer says anything. */
async function putOrDelete(db: KeepwarmDb, row: StoredClientOverride): Promise<void> {
  const kept = withoutEmpty(row);
  if (kept) await db.clientOverrides.put(kept);
  else await db.clientOverrides.delete([row.account, row.key]);
}

/**
 * Applies the user's correction of one client: a value sets a field, `null`
 * clears it. Validated with the engine's own rules before anything is written;
 * merging a client into itself is refused.
 */
export async function setClientOverride(
  db: KeepwarmDb,
  account: string,
  clientKey: string,
  patch: OverridePatch,
  now: number,
): Promise<void> {
  if (patch.mergeInto === clientKey) throw new Error(`${clientKey} cannot be merged into itself`);
  await db.transaction('rw', db.clientOverrides, async () => {
    const row: StoredClientOverride = {
      ...(await db.clientOverrides.get([account, clientKey])),
      account,
      key: clientKey,
      updatedAt: now,
    };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete row[field as keyof OverridePatch];
      else if (value !== undefined) Object.assign(row, { [field]: value });
    }
    const { account: _a, key: _k, split: _s, updatedAt: _u, ...override } = row;
    parseClientOverrides({ clients: { [clientKey]: override } });
    await putOrDelete(db, row);
  });
}

/** Takes a person out of their organisation to be a client of their own, or puts them back. */
export async function setSplitAddress(
  db: KeepwarmDb,
  account: string,
  address: string,
  split: boolean,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.clientOverrides, async () => {
    const row: StoredClientOverride = {
      ...(await db.clientOverrides.get([account, address])),
      account,
      key: address,
      updatedAt: now,
    };
    if (split) row.split = true;
    else delete row.split;
    await putOrDelete(db, row);
  });
}
