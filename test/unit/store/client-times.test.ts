import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type KeepwarmDb, openKeepwarmDb, SCHEMA_VERSIONS, type StoredMessage } from '@/lib/store/db';
import { freshDbPerTest } from './fresh-db';

// The per-client time index is derived from each message's clientRefs and time
// on every write, so a read of it never misses a message nor finds one where it
// no longer is.

const ME = 'olena@brightpath.studio';
const ACME = `${ME}|acme.com`;
const GLOBEX = `${ME}|globex.com`;
const DAY = 86_400_000;
const T = 1_700_000_000_000;

function message(id: string, at: number, clientRefs: string[]): StoredMessage {
  return {
    account: ME,
    id,
    threadId: `t${id}`,
    at,
    from: { email: 'dana@acme.com' },
    to: [{ email: ME }],
    cc: [],
    subject: 'Hi',
    snippet: '',
    source: 'conversation',
    senderKnown: true,
    clientRefs,
  };
}

function idsOf(db: KeepwarmDb, ref: string, from: number, to: number): Promise<string[]> {
  return db.messages
    .where('clientTimes')
    .between([ref, from], [ref, to], true, true)
    .toArray()
    .then((rows) => rows.map((m) => m.id));
}

describe('the per-client time index', () => {
  let db: KeepwarmDb;
  freshDbPerTest('client-times', (fresh) => {
    db = fresh;
  });

  it('finds a client’s messages of a time range in time order, and no other client’s', async () => {
    await db.messages.bulkPut([
      message('3', T + 3 * DAY, [ACME]),
      message('1', T + DAY, [ACME, GLOBEX]),
      message('2', T + 2 * DAY, [GLOBEX]),
      message('4', T + 10 * DAY, [ACME]),
    ]);
    expect(await idsOf(db, ACME, T, T + 5 * DAY)).toEqual(['1', '3']);
    expect(await idsOf(db, GLOBEX, T, T + 5 * DAY)).toEqual(['1', '2']);
  });

  it('follows a message whose time or clients change, whichever way it is written', async () => {
    await db.messages.put(message('1', T, [ACME]));
    await db.messages.update([ME, '1'], { at: T + 5 * DAY });
    expect(await idsOf(db, ACME, T, T + DAY)).toEqual([]);
    expect(await idsOf(db, ACME, T + 4 * DAY, T + 6 * DAY)).toEqual(['1']);
    await db.messages
      .where('[account+id]')
      .equals([ME, '1'])
      .modify((m) => {
        m.clientRefs = [GLOBEX];
      });
    expect(await idsOf(db, ACME, T, T + 10 * DAY)).toEqual([]);
    expect(await idsOf(db, GLOBEX, T, T + 10 * DAY)).toEqual(['1']);
  });

  it('leaves no entry behind for a deleted message', async () => {
    await db.messages.put(message('1', T, [ACME]));
    await db.messages.delete([ME, '1']);
    expect(await idsOf(db, ACME, 0, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe('the upgrade that adds it', () => {
  const NAME = 'client-times-upgrade';
  afterEach(() => Dexie.delete(NAME));

  it('indexes every message stored before it', async () => {
    const old = new Dexie(NAME);
    SCHEMA_VERSIONS.slice(0, 4).forEach((stores, index) => {
      old.version(index + 1).stores(stores);
    });
    await old.open();
    await old.table('messages').bulkPut(Array.from({ length: 250 }, (_, i) => message(String(i), T + i * DAY, [ACME])));
    old.close();

    const db = openKeepwarmDb(NAME);
    expect(await idsOf(db, ACME, T + 100 * DAY, T + 102 * DAY)).toEqual(['100', '101', '102']);
    expect(await db.messages.where('clientTimes').between([ACME, 0], [ACME, Number.POSITIVE_INFINITY]).count()).toBe(
      250,
    );
    db.close();
  });
});
