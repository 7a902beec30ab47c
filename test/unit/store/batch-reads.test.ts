import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '@/lib/data/stored-rows';
import { messagesWithAnyOf } from '@/lib/store/batch-reads';
import type { KeepwarmDb } from '@/lib/store/db';
import { freshDbPerTest } from './fresh-db';

const ACCOUNT = 'olena@brightpath.studio';
const OTHER = 'team@brightpath.studio';

function stored(account: string, id: string, threadId: string): StoredMessage {
  return {
    account,
    id,
    threadId,
    at: Date.UTC(2026, 10, 2, 9, 30),
    from: { email: 'ivan@acme.com.ua' },
    to: [{ email: account }],
    cc: [],
    subject: 'Invoice',
    snippet: '',
    source: 'import',
    senderKnown: true,
    clientRefs: [`${account}|acme.com.ua`],
  };
}

/** What the store's own cursor over the keys returns: the answer the range read must give. */
function anyOf(db: KeepwarmDb, index: '[account+id]' | '[account+threadId]', values: string[]) {
  return db.messages
    .where(index)
    .anyOf(values.map((value): [string, string] => [ACCOUNT, value]))
    .toArray();
}

let db: KeepwarmDb;
freshDbPerTest('batch-reads-test', (fresh) => {
  db = fresh;
});

describe('messagesWithAnyOf', () => {
  it('reads a narrow stretch of ids at once and a wide one key by key, with the same records', async () => {
    // Ids that sort together (a batch of Gmail's, which grow with time), then one far away.
    await db.messages.bulkPut([
      ...['18a01', '18a02', '18a05'].map((id) => stored(ACCOUNT, id, `t${id}`)),
      ...Array.from({ length: 40 }, (_, i) => stored(ACCOUNT, `18b${String(i).padStart(2, '0')}`, 't18b')),
      stored(ACCOUNT, '19f00', 't19f00'),
      stored(OTHER, '18a03', 't18a01'),
    ]);
    const narrow = ['18a05', '18a01', '18a04', '18a01'];
    expect((await messagesWithAnyOf(db, '[account+id]', ACCOUNT, narrow)).map((m) => m.id)).toEqual(['18a01', '18a05']);
    // The 40 records between them outnumber what a range read takes: the cursor answers.
    const wide = ['18a02', '19f00'];
    expect((await messagesWithAnyOf(db, '[account+id]', ACCOUNT, wide)).map((m) => m.id)).toEqual(['18a02', '19f00']);
    const threads = await messagesWithAnyOf(db, '[account+threadId]', ACCOUNT, ['t18b', 't18a01']);
    expect(threads).toEqual(await anyOf(db, '[account+threadId]', ['t18b', 't18a01']));
    expect(threads).toHaveLength(41);
    expect(await messagesWithAnyOf(db, '[account+id]', ACCOUNT, [])).toEqual([]);
  });

  it('gives what the cursor over the keys gives, whatever is stored and asked', async () => {
    const key = fc.stringMatching(/^[0-9a-f]{1,3}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id: key, threadId: key, other: fc.boolean() }), {
          selector: (r) => r.id,
          maxLength: 80,
        }),
        fc.array(key, { maxLength: 12 }),
        async (records, values) => {
          await db.messages.clear();
          await db.messages.bulkPut(records.map((r) => stored(r.other ? OTHER : ACCOUNT, r.id, r.threadId)));
          for (const index of ['[account+id]', '[account+threadId]'] as const) {
            expect(await messagesWithAnyOf(db, index, ACCOUNT, values)).toEqual(await anyOf(db, index, values));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
