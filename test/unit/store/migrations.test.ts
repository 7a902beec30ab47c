import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '@/lib/data/schema-versions';
import { openKeepwarmDb } from '@/lib/store/db';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { stoppedAnswering, waitingOnYou } from '@/lib/ui/waiting-reads';
import { account as demoAccount, NOW, storedClients } from '../ui/demo-clients';

// Every version upgrade keeps every record: for each version, a database made by
// the version before it, with data in every table, opens under the current code
// with all of that data intact. A table a later version replaced is checked in
// the test of that version's upgrade.

const NAME = 'migration-test';
afterEach(() => Dexie.delete(NAME));

function openAtVersion(version: number): Dexie {
  const db = new Dexie(NAME);
  SCHEMA_VERSIONS.slice(0, version).forEach((stores, index) => {
    db.version(index + 1).stores(stores);
  });
  return db;
}

const samples: Record<string, object> = {
  accounts: { address: 'olena@brightpath.studio', accountPath: 'u/0', firstSeenAt: 1, lastSeenAt: 2 },
  messages: {
    account: 'olena@brightpath.studio',
    id: '1',
    threadId: '1',
    at: 1_700_000_000_000,
    from: { email: 'dana@acme.com' },
    to: [],
    cc: [],
    subject: 'Hi',
    snippet: '',
    source: 'conversation',
    senderKnown: true,
    clientRefs: ['olena@brightpath.studio|acme.com'],
  },
  threads: {
    account: 'olena@brightpath.studio',
    threadId: '1',
    subject: 'Hi',
    snippet: '',
    lastActivityAt: 1,
    participants: [],
    unread: false,
    messageCount: 1,
    hasDraft: false,
    clientRefs: [],
    seenAt: 1,
  },
  clients: { account: 'olena@brightpath.studio', key: 'acme.com', report: {}, riskScore: 10, computedAt: 1 },
  followUpStates: {
    account: 'olena@brightpath.studio',
    key: 'reply:1',
    clientKey: 'acme.com',
    status: 'done',
    updatedAt: 1,
  },
  settings: { id: 'user', settings: { language: 'uk' }, updatedAt: 1 },
  clientOverrides: { account: 'olena@brightpath.studio', key: 'acme.com', name: 'Acme', tier: 'key', updatedAt: 1 },
  pendingRecompute: { ref: 'olena@brightpath.studio|acme.com', account: 'olena@brightpath.studio', markedAt: 1 },
  recomputeMarks: { account: 'olena@brightpath.studio', refs: ['olena@brightpath.studio|acme.com'], markedAt: 1 },
  crmLearned: {
    account: 'olena@brightpath.studio',
    clientKey: 'acme.com',
    addresses: ['dana.acme@gmail.com'],
    domain: 'acme-logistics.com',
    amount: { value: 12000, currency: 'EUR' },
    activities: [1_700_000_000_000],
    records: ['hubspot:5101'],
    updatedAt: 1,
  },
  setAside: {
    account: 'olena@brightpath.studio',
    key: 'vendor.example',
    kind: 'org',
    name: 'Vendor',
    messages: 2,
    lastAt: 1_700_000_000_000,
    senders: [
      {
        address: 'renewals@vendor.example',
        name: 'Vendor',
        signal: { kind: 'role', word: 'renewals' },
        messages: 2,
        lastAt: 1_700_000_000_000,
      },
    ],
    senderCount: 1,
    computedAt: 1,
  },
};

describe.each(SCHEMA_VERSIONS.slice(1).map((_, i) => i + 1))('upgrade from version %i', (from) => {
  it('keeps every record of every table', async () => {
    const old = openAtVersion(from);
    await old.open();
    const tables = old.tables.map((t) => t.name);
    for (const name of tables) await old.table(name).put(samples[name]);
    old.close();

    const current = openKeepwarmDb(NAME);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.length);
    const kept = tables.filter((name) => current.tables.some((table) => table.name === name));
    for (const name of kept) expect(await current.table(name).toArray(), name).toEqual([samples[name]]);
    // Tables the upgrade added work at once.
    for (const table of current.tables) await table.put(samples[table.name]);
    current.close();
  });
});

it('every table of every version has a sample, so a new table cannot skip this test', () => {
  const names = new Set(SCHEMA_VERSIONS.flatMap((stores) => Object.keys(stores)));
  expect(Object.keys(samples).sort()).toEqual([...names].sort());
});

it('the upgrade to v6 keeps every client waiting for a recompute, marked as many at once', async () => {
  const [olena, ivan] = ['olena@brightpath.studio', 'ivan@brightpath.studio'];
  const rows = [
    { ref: `${olena}|acme.com`, account: olena, markedAt: 5 },
    { ref: `${olena}|globex.io`, account: olena, markedAt: 5 },
    { ref: `${olena}|initech.com`, account: olena, markedAt: 9 },
    { ref: `${ivan}|umbrella.ua`, account: ivan, markedAt: 5 },
  ];
  const old = openAtVersion(5);
  await old.open();
  await old.table('pendingRecompute').bulkPut(rows);
  await old.table('messages').put(samples.messages);
  old.close();
  const current = openKeepwarmDb(NAME);
  await current.open();
  expect(current.tables.map((t) => t.name)).not.toContain('pendingRecompute');
  expect(await current.table('messages').toArray()).toEqual([samples.messages]);
  const marks = await pendingOf(current);
  expect(marks.map(({ account, refs, markedAt }) => ({ account, refs: [...refs].sort(), markedAt }))).toEqual([
    { account: ivan, refs: [`${ivan}|umbrella.ua`], markedAt: 5 },
    { account: olena, refs: [`${olena}|acme.com`, `${olena}|globex.io`], markedAt: 5 },
    { account: olena, refs: [`${olena}|initech.com`], markedAt: 9 },
  ]);
  expect(markedRefs(await pendingOf(current, olena))).toEqual(
    new Set([`${olena}|acme.com`, `${olena}|globex.io`, `${olena}|initech.com`]),
  );
  current.close();
});

it('the upgrade to v5 files mail from automated senders under their organisation, taking no ref away', async () => {
  const account = 'olena@brightpath.studio';
  const base = { account, threadId: '1', at: 1, cc: [], subject: '', snippet: '', source: 'import', senderKnown: true };
  const old = openAtVersion(4);
  await old.open();
  await old.table('settings').put({
    id: 'user',
    settings: { accounts: { [account]: { aliases: ['hello@brightpath.studio'], internalDomains: [] } } },
    updatedAt: 1,
  });
  await old.table('messages').bulkPut([
    { ...base, id: 'notice', from: { email: 'no-reply@vendor.example' }, to: [{ email: account }], clientRefs: [] },
    {
      ...base,
      id: 'alias',
      from: { email: 'hello@brightpath.studio' },
      to: [{ email: 'news@letters.example' }],
      clientRefs: [],
    },
    {
      ...base,
      id: 'person',
      from: { email: 'dana@acme.com' },
      to: [{ email: account }],
      clientRefs: [`${account}|acme.com`],
    },
    { ...base, id: 'colleague', from: { email: 'ivan@brightpath.studio' }, to: [{ email: account }], clientRefs: [] },
  ]);
  old.close();
  const current = openKeepwarmDb(NAME);
  const refs = Object.fromEntries((await current.table('messages').toArray()).map((m) => [m.id, m.clientRefs]));
  expect(refs).toEqual({
    notice: [`${account}|vendor.example`],
    alias: [`${account}|letters.example`],
    person: [`${account}|acme.com`],
    colleague: [],
  });
  current.close();
});

/** The version that indexes the popup's waiting places: if another version comes before it at a merge, change this line. */
const PLACES_VERSION = 7;

it(`the upgrade to v${PLACES_VERSION} gives each stored client the place in the popup’s lists its report says`, async () => {
  const old = openAtVersion(PLACES_VERSION - 1);
  await old.open();
  await old.table('accounts').put({ address: demoAccount.address, firstSeenAt: NOW, lastSeenAt: NOW });
  await old.table('clients').bulkPut(storedClients.map(({ onYouPlace: _, stoppedPlace: __, ...row }) => row));
  old.close();
  const current = openKeepwarmDb(NAME);
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect((await current.clients.toArray()).sort(byKey)).toEqual([...storedClients].sort(byKey));
  // The popup lists the same clients, in the same order, as after a recompute.
  const upgraded = (await waitingOnYou(current, NOW)).map((e) => e.clientKey);
  expect(upgraded.length).toBeGreaterThan(2);
  await current.clients.bulkPut(storedClients);
  expect((await waitingOnYou(current, NOW)).map((e) => e.clientKey)).toEqual(upgraded);
  expect((await stoppedAnswering(current, NOW)).length).toBeGreaterThan(2);
  current.close();
});
