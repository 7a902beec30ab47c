import { describe, expect, it } from 'vitest';
import type { StoredClient } from '@/lib/data/stored-rows';
import { byPriority } from '@/lib/engine/follow-up-urgency';
import type { FollowUp } from '@/lib/engine/follow-ups';
import type { KeepwarmDb } from '@/lib/store/db';
import { searchWaiting } from '@/lib/ui/waiting-list';
import { stoppedAnswering, waitingOnYou } from '@/lib/ui/waiting-reads';
import { waitingSince } from '../../demo/mailbox/waiting-since';
import { freshDbPerTest } from '../store/fresh-db';
import { account, mailbox, NOW, seedDemo, storedClients } from './demo-clients';

let db: KeepwarmDb;
freshDbPerTest('waiting', (fresh) => {
  db = fresh;
});

const HOUR = 3_600_000;

const reasonKinds = (c: StoredClient) => new Set(c.report.risk.reasons.map((r) => r.kind));
const openOf = (c: StoredClient, kinds: readonly FollowUp['kind'][]) =>
  c.report.followUps.filter((f) => f.status === 'open' && kinds.includes(f.kind));

/**
 * The clients in the order the follow-ups give: every client's open follow-ups
 * of these kinds, most pressing first across clients, each client at its first.
 */
function followUpsOrder(kinds: readonly FollowUp['kind'][]): string[] {
  const all = storedClients.flatMap((c) => openOf(c, kinds).map((f) => ({ ...f, key: `${c.key}\n${f.key}` })));
  return [...new Set(all.sort(byPriority).map((f) => f.key.split('\n')[0] ?? ''))];
}

describe('the popup’s waiting lists', () => {
  it('lists the demo’s clients waiting on the user or with a cue to acknowledge, and only them', async () => {
    await seedDemo(db);
    const list = await waitingOnYou(db, NOW);
    const expected = storedClients
      .filter((c) => reasonKinds(c).has('waiting_on_us') || openOf(c, ['acknowledge']).length > 0)
      .map((c) => c.key);
    for (const key of mailbox.scenarios.waitingOnUs) expect(expected).toContain(key);
    expect(list.map((e) => e.clientKey).sort()).toEqual([...expected].sort());
    for (const entry of list) {
      expect(entry.since).toBe(waitingSince(account, entry.clientKey));
      expect(entry.waitingMs).toBe(NOW - entry.since);
      expect(entry.threadId).toBeDefined();
      expect(entry.usualMs).toBeGreaterThan(0);
    }
  });

  it('orders both lists as the follow-ups order the same clients: urgency × value', async () => {
    await seedDemo(db);
    const sameOrder = (listed: string[], followUps: string[]) => {
      // A client is in both when it has such a follow-up open and is in the list.
      const both = listed.filter((key) => followUps.includes(key));
      expect(both.length).toBeGreaterThan(2);
      expect(both).toEqual(followUps.filter((key) => listed.includes(key)));
    };
    sameOrder(
      (await waitingOnYou(db, NOW)).map((e) => e.clientKey),
      followUpsOrder(['reply', 'acknowledge']),
    );
    const stopped = (await stoppedAnswering(db, NOW)).map((e) => e.clientKey);
    for (const key of mailbox.scenarios.stoppedAnswering) expect(stopped).toContain(key);
    sameOrder(stopped, followUpsOrder(['nudge']));
  });

  it('puts an unanswered cancellation question of a day before routine waits of three days and more', async () => {
    await seedDemo(db);
    const list = await waitingOnYou(db, NOW);
    const cued = list.findIndex((e) => e.cue === 'cancellation');
    expect(cued).toBeGreaterThanOrEqual(0);
    expect(list[cued]?.waitingMs).toBeLessThan(2 * 24 * HOUR);
    const routine = list.filter((e) => e.cue === undefined && e.waitingMs > 3 * 24 * HOUR);
    expect(routine.length).toBeGreaterThan(0);
    for (const e of routine) expect(list.indexOf(e)).toBeGreaterThan(cued);
  });

  it('grows the wait with the clock, not with the last recompute', async () => {
    await seedDemo(db);
    const later = await waitingOnYou(db, NOW + 5 * HOUR);
    expect(later[0]?.waitingMs).toBe(NOW + 5 * HOUR - (later[0]?.since ?? 0));
  });

  it('paints the first rows from one read of the index, the same as the head of the whole list', async () => {
    await seedDemo(db);
    const copies = Array.from({ length: 60 }, (_, i) =>
      storedClients.map((c) => ({ ...c, key: `${i}.${c.key}`, report: { ...c.report, key: `${i}.${c.key}` } })),
    ).flat();
    await db.clients.bulkPut(copies);
    const whole = await waitingOnYou(db, NOW);
    const first = await waitingOnYou(db, NOW, 12);
    expect(first).toHaveLength(12);
    expect(first).toEqual(whole.slice(0, 12));
    // Each place is shared by at least 61 clients: a head that ends inside a later place takes clients above it and tied with it.
    for (const limit of [1, 61, 70, 130]) expect(await waitingOnYou(db, NOW, limit)).toEqual(whole.slice(0, limit));
  });

  it('lists clients of every account in one order', async () => {
    await seedDemo(db);
    const other = 'second@example.com';
    await db.clients.bulkPut(storedClients.map((c) => ({ ...c, account: other })));
    const list = await waitingOnYou(db, NOW);
    const single = storedClients.filter((c) => c.onYouPlace).length;
    expect(list).toHaveLength(2 * single);
    // The same client in both accounts stands side by side: one order across accounts.
    expect(list[0]?.clientKey).toBe(list[1]?.clientKey);
  });

  it('reads nothing for an account without clients and lists nobody', async () => {
    await db.accounts.put({ address: 'me@example.com', accountPath: 'u/0', firstSeenAt: NOW, lastSeenAt: NOW });
    expect(await waitingOnYou(db, NOW)).toEqual([]);
    expect(await stoppedAnswering(db, NOW)).toEqual([]);
  });

  it('searches names, addresses and subjects by every word, in any case', async () => {
    await seedDemo(db);
    const list = [...(await waitingOnYou(db, NOW)), ...(await stoppedAnswering(db, NOW))];
    const first = list[0];
    if (!first) throw new Error('nobody waits in the demo');
    expect(searchWaiting(list, first.clientKey.toUpperCase()).map((e) => e.clientKey)).toContain(first.clientKey);
    expect(searchWaiting(list, `${first.subject.split(' ')[0]} ${first.clientKey.slice(0, 4)}`)).toContainEqual(first);
    expect(searchWaiting(list, 'zzz-nothing-matches')).toEqual([]);
    expect(searchWaiting(list, '   ')).toEqual(list);
  });
});
