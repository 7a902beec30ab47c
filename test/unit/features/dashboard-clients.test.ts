import { describe, expect, it } from 'vitest';
import { engineContext } from '@/lib/background/engine-context';
import { recomputeAccount } from '@/lib/background/recompute';
import type { StoredMessage } from '@/lib/data/stored-rows';
import { accountIdentity, clientRefsFor } from '@/lib/engine/account-identity';
import { clientHistories } from '@/lib/engine/client-history';
import type { MailMessage } from '@/lib/engine/types';
import { dashboardClients } from '@/lib/features/dashboard/background/dashboard-clients';
import { getDashboardReplySchema } from '@/lib/features/dashboard/messages';
import { replySchemas, toBackgroundSchema } from '@/lib/messaging/schemas';
import type { KeepwarmDb } from '@/lib/store/db';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';
import { freshDbPerTest } from '../store/fresh-db';

// What the background hands the dashboard: each client's history read a
// client at a time from storage, with its report's name, value, tier and
// chance; the same histories the engine gives on all the messages at once.

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;

let db: KeepwarmDb;
freshDbPerTest('dashboard-clients', (fresh) => {
  db = fresh;
});

async function store(account: string, messages: readonly MailMessage[]): Promise<void> {
  const refsOf = clientRefsFor(account, accountIdentity(account));
  await db.accounts.put({ address: account, accountPath: 'u/0', firstSeenAt: 0, lastSeenAt: NOW });
  await db.messages.bulkPut(
    messages.map(
      (m): StoredMessage => ({ ...m, account, source: 'import', senderKnown: true, clientRefs: refsOf(m).sort() }),
    ),
  );
}

describe('the dashboard’s clients from storage', () => {
  it('are the engine’s histories with their reports’ summaries, merges, splits and the CRM included', async () => {
    const demo = generateMailbox({ seed: 7, now: NOW });
    const [account, other] = demo.accounts;
    if (!account || !other) throw new Error('the demo has fewer than two accounts');
    const me = account.address;
    const messages = mailMessagesOf(account);
    await store(me, messages);
    await store(other.address, mailMessagesOf(other));
    const first = await recomputeAccount(db, me, NOW);
    const [a, b, c, d] = first.map((row) => row.report);
    const organisation = first.map((row) => row.report).find((r) => r.kind === 'org' && r.addresses.length > 1);
    if (!a || !b || !c || !d || !organisation) throw new Error('the demo has too few clients');
    await db.clientOverrides.bulkPut(
      [
        { key: b.key, mergeInto: a.key },
        { key: c.key, value: 12_000 },
        { key: d.key, tier: 'key' as const },
        { key: organisation.addresses[0] ?? '', split: true as const },
      ].map((row) => ({ ...row, account: me, updatedAt: NOW })),
    );
    await db.crmLearned.put({
      account: me,
      clientKey: 'met.example',
      addresses: [],
      activities: [NOW - 9 * DAY],
      records: ['crm:1'],
      updatedAt: NOW,
    });
    const reports = new Map((await recomputeAccount(db, me, NOW)).map((row) => [row.key, row.report]));

    const reply = await dashboardClients(db, me, NOW);
    expect(() => getDashboardReplySchema.parse(reply)).not.toThrow();
    expect(reply.timeZone).toBe('UTC');
    const expected = clientHistories({ messages, ...(await engineContext(db, me)), now: NOW });
    const byKey = (x: { key: string }, y: { key: string }) => (x.key < y.key ? -1 : 1);
    expect(
      reply.clients.map(({ key, theirContactAt, replies }) => ({ key, theirContactAt, replies })).sort(byKey),
    ).toEqual(expected);
    expect(reply.clients.map((client) => client.key).sort()).toEqual([...reports.keys()].sort());
    for (const client of reply.clients) {
      const report = reports.get(client.key);
      expect(client.name).toBe(report?.displayName);
      expect(client.chance).toBe(report?.risk.score);
      expect(client.value).toBe(report?.value);
      expect(client.tier).toBe(report?.tier);
    }
    expect(reply.clients.find((client) => client.key === c.key)?.value).toBe(12_000);
    expect(reply.clients.find((client) => client.key === b.key)).toBeUndefined();
  });

  it('is a message of Keepwarm’s own pages, with a reply schema', () => {
    expect(toBackgroundSchema.safeParse({ type: 'ui/get-dashboard', account: 'me@studio.example' }).success).toBe(true);
    expect(toBackgroundSchema.safeParse({ type: 'ui/get-dashboard', account: 'not an address' }).success).toBe(false);
    expect(replySchemas['ui/get-dashboard']).toBe(getDashboardReplySchema);
  });

  it('is empty for an account without mail', async () => {
    expect(await dashboardClients(db, 'nobody@studio.example', NOW)).toEqual({ timeZone: 'UTC', clients: [] });
  });
});
