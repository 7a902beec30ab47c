import { describe, expect, it } from 'vitest';
import type { StoredClient } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';
import { mergeTargets } from '@/lib/ui/merge-target-reads';
import { MERGE_SUGGESTIONS, mergeSuggestions } from '@/lib/ui/merge-targets';
import { freshDbPerTest } from '../store/fresh-db';
import { account, storedClients } from './demo-clients';

let db: KeepwarmDb;
freshDbPerTest('merge-targets', (fresh) => {
  db = fresh;
});

const base = storedClients[0] as StoredClient;
const client = (owner: string, key: string): StoredClient => ({ ...base, account: owner, key });

describe('the clients one client can be merged into', () => {
  it('are every other client of the same account, and only those', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `client-${i}.com`);
    await db.clients.bulkPut([
      ...keys.map((key) => client(account.address, key)),
      client('other@studio.example', 'elsewhere.com'),
    ]);
    const targets = mergeTargets(db, account.address, 'client-7.com');
    const read = await targets.keys();
    expect(read).toHaveLength(999);
    expect(read).not.toContain('client-7.com');
    expect(read).not.toContain('elsewhere.com');
    expect(read).toEqual([...read].sort());
    expect(await targets.has('client-999.com')).toBe(true);
    expect(await targets.has('client-7.com')).toBe(false);
    expect(await targets.has('elsewhere.com')).toBe(false);
    expect(await targets.has('nobody.example')).toBe(false);
    expect(await targets.has('')).toBe(false);
  });

  it('are suggested by what the user typed, those starting with it first, a bounded number', () => {
    const keys = [
      'acme.com',
      'jane@acme.com',
      'northwind.io',
      'ACME-logistics.de',
      ...Array.from({ length: 200 }, (_, i) => `c${i}.com`),
    ];
    expect(mergeSuggestions(keys, ' Acme')).toEqual(['acme.com', 'ACME-logistics.de', 'jane@acme.com']);
    expect(mergeSuggestions(keys, 'wind')).toEqual(['northwind.io']);
    expect(mergeSuggestions(keys, 'zzz')).toEqual([]);
    expect(mergeSuggestions(keys, '')).toEqual(keys.slice(0, MERGE_SUGGESTIONS));
    const many = mergeSuggestions(keys, '.com');
    expect(many).toHaveLength(MERGE_SUGGESTIONS);
    expect(many.every((key) => key.includes('.com'))).toBe(true);
  });
});
