import { describe, expect, it } from 'vitest';
import type { StoredClient } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';
import { rankWaitingOnYou, searchWaiting } from '@/lib/ui/waiting-list';
import { stoppedAnswering, waitingOnYou, waitingOnYouFirst } from '@/lib/ui/waiting-reads';
import { waitingSince } from '../../demo/mailbox/waiting-since';
import { freshDbPerTest } from '../store/fresh-db';
import { account, mailbox, NOW, seedDemo, storedClients } from './demo-clients';

let db: KeepwarmDb;
freshDbPerTest('waiting', (fresh) => {
  db = fresh;
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When the client's wait on the user began, from the mailbox itself; Infinity when it waits for nothing. */
const unansweredSince = (key: string) => waitingSince(account, key) ?? Number.POSITIVE_INFINITY;

function copyWith(key: string, change: (client: StoredClient) => StoredClient): StoredClient {
  const client = storedClients.find((c) => c.key === key);
  if (!client) throw new Error(`no client ${key}`);
  return change(structuredClone(client));
}

describe('the popup’s waiting lists', () => {
  it('lists exactly the demo’s clients waiting on the user, the longest wait first', async () => {
    await seedDemo(db);
    const list = await waitingOnYou(db, NOW);
    // The demo answers every client within hours but those its scenarios leave waiting: for
    // days, or (a cancellation after a complaint) for less than a day, already past the few
    // hours the user usually takes to answer them.
    const complained = new Set(mailbox.scenarios.complaintCompetitor);
    const expected = account.clients
      .map((c) => c.key)
      .filter((key) => NOW - unansweredSince(key) > DAY || (complained.has(key) && unansweredSince(key) < NOW))
      .sort((a, b) => unansweredSince(a) - unansweredSince(b) || a.localeCompare(b));
    for (const key of mailbox.scenarios.waitingOnUs) expect(expected).toContain(key);
    expect(list.map((e) => e.clientKey)).toEqual(expected);
    for (const entry of list) {
      expect(entry.since).toBe(unansweredSince(entry.clientKey));
      expect(entry.waitingMs).toBe(NOW - entry.since);
      expect(entry.threadId).toBeDefined();
      expect(entry.usualMs).toBeGreaterThan(0);
    }
  });

  it('lists the clients who stopped answering, overdue against their own usual time', async () => {
    await seedDemo(db);
    const list = await stoppedAnswering(db, NOW);
    const keys = list.map((e) => e.clientKey);
    for (const key of mailbox.scenarios.stoppedAnswering) expect(keys).toContain(key);
    const overdue = list.map((e) => e.waitingMs / (e.usualMs ?? 1));
    // Without values set, the order is the overdue ratio, largest first.
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  });

  it('grows the wait with the clock, not with the last recompute', async () => {
    await seedDemo(db);
    const later = await waitingOnYou(db, NOW + 5 * HOUR);
    expect(later[0]?.waitingMs).toBe(NOW + 5 * HOUR - (later[0]?.since ?? 0));
  });

  it('puts a key client before a longer wait of a minor one', () => {
    const [longer, shorter] = mailbox.scenarios.waitingOnUs
      .map((key) => storedClients.find((c) => c.key === key))
      .sort((a, b) => (a?.waitingOnUsSince ?? 0) - (b?.waitingOnUsSince ?? 0));
    if (!longer || !shorter) throw new Error('the demo has two clients waiting');
    expect(rankWaitingOnYou([longer, shorter], NOW).map((e) => e.clientKey)).toEqual([longer.key, shorter.key]);
    const keyClient = copyWith(shorter.key, (c) => ({
      ...c,
      report: { ...c.report, tier: 'key', risk: { ...c.report.risk, valueFactor: 1.3 } },
    }));
    const minor = copyWith(longer.key, (c) => ({
      ...c,
      report: { ...c.report, risk: { ...c.report.risk, valueFactor: 0.75 } },
    }));
    expect(rankWaitingOnYou([minor, keyClient], NOW).map((e) => e.clientKey)).toEqual([shorter.key, longer.key]);
  });

  it('paints the first rows from a few reads, the same as the head of the whole list', async () => {
    await seedDemo(db);
    const copies = Array.from({ length: 60 }, (_, i) =>
      storedClients.map((c) => ({ ...c, key: `${i}.${c.key}`, report: { ...c.report, key: `${i}.${c.key}` } })),
    ).flat();
    await db.clients.bulkPut(copies);
    const whole = await waitingOnYou(db, NOW);
    const first = await waitingOnYouFirst(db, NOW, 12);
    expect(first).toHaveLength(12);
    expect(first.map((e) => e.waitingMs)).toEqual(whole.slice(0, 12).map((e) => e.waitingMs));
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
