import { describe, expect, it } from 'vitest';
import { forEachRefOfAccount, messagesFiledUnder } from '@/lib/background/messages-by-client';
import type { StoredMessage } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';
import { freshDbPerTest } from '../store/fresh-db';

const ME = 'olena@brightpath.studio';
const OTHER = 'olena@gmail.com';
const NOW = Date.UTC(2026, 10, 20, 12);

let db: KeepwarmDb;
freshDbPerTest('messages-by-client', (fresh) => {
  db = fresh;
});

function message(account: string, id: string, at: number, bases: string[], senderKnown = true): StoredMessage {
  return {
    account,
    id,
    threadId: `t-${id}`,
    at,
    from: { email: `someone@${bases[0] ?? 'nowhere.example'}` },
    to: [{ email: account }],
    cc: [],
    subject: 'Project',
    snippet: '',
    source: 'import',
    senderKnown,
    clientRefs: bases.map((base) => `${account}|${base}`),
  };
}

/** A big client, small ones, messages to several clients, list rows, a bad time, and another account's mail. */
function mailbox(): StoredMessage[] {
  const rows: StoredMessage[] = [];
  for (let i = 0; i < 23; i++) rows.push(message(ME, `big-${i}`, NOW - (i % 5) * 1000, ['big.example']));
  for (let i = 0; i < 12; i++) rows.push(message(ME, `s-${i}`, NOW - i * 7000, [`c${i % 4}.example`]));
  rows.push(message(ME, 'both-1', NOW - 500, ['big.example', 'c1.example']));
  rows.push(message(ME, 'both-2', NOW - 500, ['c2.example', 'c3.example', 'zed@gmail.com']));
  rows.push(message(ME, 'row-1', NOW - 100, ['c1.example'], false));
  rows.push(message(ME, 'bad-time', Number.NaN, ['c2.example']));
  rows.push(message(ME, 'nobody', NOW - 300, []));
  rows.push(message(OTHER, 'elsewhere', NOW - 200, ['big.example']));
  return rows;
}

const byTimeThenId = (a: StoredMessage, b: StoredMessage) => a.at - b.at || (a.id < b.id ? -1 : 1);

function expectedGroups(rows: readonly StoredMessage[]): Map<string, string[]> {
  const groups = new Map<string, StoredMessage[]>();
  for (const m of rows) {
    if (m.account !== ME || !m.senderKnown || !Number.isFinite(m.at)) continue;
    for (const ref of m.clientRefs)
      groups.set(ref.slice(ME.length + 1), [...(groups.get(ref.slice(ME.length + 1)) ?? []), m]);
  }
  return new Map([...groups].map(([base, list]) => [base, list.sort(byTimeThenId).map((m) => m.id)]));
}

describe('reading an account a client at a time', () => {
  it.each([1, 2, 3, 7, 22, 23, 24, 2000])(
    'hands every ref its usable messages whole and once, in time order, by chunks of %i',
    async (chunkSize) => {
      const rows = mailbox();
      await db.messages.bulkPut(rows);
      const seen = new Map<string, string[]>();
      const bases: string[] = [];
      await forEachRefOfAccount(
        db,
        ME,
        (base, messages) => {
          bases.push(base);
          seen.set(
            base,
            messages.map((m) => m.id),
          );
        },
        chunkSize,
      );
      expect(bases).toEqual([...new Set(bases)]);
      expect(seen).toEqual(expectedGroups(rows));
    },
  );

  it('reads the messages filed under several keys, each once', async () => {
    await db.messages.bulkPut(mailbox());
    const messages = await messagesFiledUnder(db, ME, ['c2.example', 'c3.example']);
    const ids = messages.map((m) => m.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toContain('both-2');
    expect(ids).not.toContain('bad-time');
    expect(messages).toEqual([...messages].sort(byTimeThenId));
  });
});
