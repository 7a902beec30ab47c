import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineContext } from '@/lib/background/engine-context';
import { recomputeAccount } from '@/lib/background/recompute';
import { readMailboxMessages } from '@/lib/cli/commands/report';
import type { StoredMessage } from '@/lib/data/stored-rows';
import { accountIdentity, clientRefsFor } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';
import { freshDbPerTest } from '../store/fresh-db';

// The full recompute reads an account one client at a time; its reports and
// population must be those of the engine run on all the account's messages at once.

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const ENRON = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-mbox/sager-e');

let db: KeepwarmDb;
freshDbPerTest('recompute-account', (fresh) => {
  db = fresh;
});

async function store(account: string, messages: readonly MailMessage[], senderKnown = true): Promise<void> {
  const refsOf = clientRefsFor(account, accountIdentity(account));
  await db.accounts.put({ address: account, accountPath: 'u/0', firstSeenAt: 0, lastSeenAt: NOW });
  const rows = messages.map(
    (m): StoredMessage => ({ ...m, account, source: 'import', senderKnown, clientRefs: refsOf(m).sort() }),
  );
  await db.messages.bulkPut(rows);
}

/** The engine on every message of the account at once, as read in time order. */
async function analysedAtOnce(account: string, now: number) {
  const messages = (
    await db.messages.where('[account+at]').between([account, -Infinity], [account, Infinity]).toArray()
  ).filter((m) => m.senderKnown);
  const followUpStates = await db.followUpStates.where('account').equals(account).toArray();
  return analyzeAccount({ messages, ...(await engineContext(db, account)), now, followUpStates });
}

async function expectSameAsAtOnce(account: string, now: number) {
  const expected = await analysedAtOnce(account, now);
  const stored = await recomputeAccount(db, account, now);
  expect(stored.map((c) => c.report)).toEqual(expected.clients);
  expect((await db.accounts.get(account))?.population).toEqual(expected.population);
  expect(await db.clients.where('account').equals(account).count()).toBe(expected.clients.length);
  return expected;
}

describe('the full recompute, one client at a time', () => {
  it('gives the reports and population of the whole demo mailbox at once, with the user’s corrections and the CRM', async () => {
    const demo = generateMailbox({ seed: 7, now: NOW });
    const [account, other] = demo.accounts;
    if (!account || !other) throw new Error('the demo has fewer than two accounts');
    const me = account.address;
    const messages = mailMessagesOf(account);
    await store(me, messages);
    // Gmail list rows: their sender is unknown, so the engine never sees them.
    await store(
      me,
      messages.slice(0, 40).map((m) => ({ ...m, id: `row-${m.id}` })),
      false,
    );
    await store(other.address, mailMessagesOf(other));

    const plain = await expectSameAsAtOnce(me, NOW);
    expect(plain.population.bgnbd).toBeDefined();
    const keys = plain.clients.map((c) => c.key);
    const organisation = plain.clients.slice(8).find((c) => c.kind === 'org' && c.addresses.length > 1);
    const [a, b, c, d, e, f, g, h] = keys;
    if (!organisation || !a || !b || !c || !d || !e || !f || !g || !h) throw new Error('the demo has too few clients');
    const split = organisation.addresses[0] ?? '';
    const corrections = [
      { key: b, mergeInto: a },
      { key: c, ignore: true },
      { key: d, value: 12_000 },
      { key: e, value: 800 },
      { key: f, tier: 'key' as const },
      { key: g, quietUntil: NOW + 20 * DAY, name: 'On holiday' },
      { key: split, split: true as const },
    ];
    await db.clientOverrides.bulkPut(corrections.map((row) => ({ ...row, account: me, updatedAt: NOW })));
    // The CRM lists the organisation's second address for another client, and knows clients mail does not.
    const learned = [
      { clientKey: h, addresses: organisation.addresses.slice(1, 2), activities: [NOW - 40 * DAY, NOW - 3 * DAY] },
      { clientKey: 'watched.example', addresses: [], activities: [], watched: true as const },
      { clientKey: 'met.example', addresses: [], activities: [NOW - 9 * DAY] },
    ];
    await db.crmLearned.bulkPut(learned.map((row) => ({ ...row, account: me, records: ['crm:1'], updatedAt: NOW })));
    const followUps = plain.clients.flatMap((client) => client.followUps).slice(0, 6);
    await db.followUpStates.bulkPut(
      followUps.map((followUp, i) => ({
        account: me,
        clientKey: followUp.clientKey,
        key: followUp.key,
        status: i % 2 === 0 ? ('done' as const) : ('snoozed' as const),
        updatedAt: NOW - DAY,
        ...(i % 2 === 1 && { snoozedUntil: NOW + 2 * DAY }),
      })),
    );

    const corrected = await expectSameAsAtOnce(me, NOW);
    const correctedKeys = corrected.clients.map((client) => client.key);
    expect(correctedKeys).not.toContain(b);
    expect(correctedKeys).not.toContain(c);
    expect(correctedKeys).toEqual(expect.arrayContaining([split, 'watched.example', 'met.example']));
    expect(corrected.population.medianValue).toBe(6400);
    expect(corrected.clients.some((client) => client.followUps.some((x) => x.status !== 'open'))).toBe(true);
    // The other account's clients are its own.
    expect(await db.clients.where('account').equals(other.address).count()).toBe(0);
  });

  it.skipIf(!existsSync(ENRON))(
    'gives the reports and population of a real Enron mailbox at once',
    async () => {
      const me = 'elizabeth.sager@enron.com';
      const { messages } = await readMailboxMessages(ENRON);
      await store(me, messages);
      const now = Math.max(...messages.map((m) => m.at));
      const { clients, population } = await expectSameAsAtOnce(me, now);
      expect(clients.length).toBeGreaterThan(50);
      expect(population.bgnbd).toBeDefined();
    },
    120_000,
  );
});
