import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import { teamListHandlers } from '@/lib/features/team/team-list-handlers';
import type { MemberView } from '@/lib/features/team/team-replica';
import type { ClientSummary } from '@/lib/team/summary';
import { teamWaitingRows } from '@/lib/team/team-lists';
import { teamScope } from '@/lib/team/team-scope';
import { byTeamPlace } from '@/lib/team/team-waiting-order';
import { summary } from '../../team/team-fixtures';

// The team's lists as a page receives them: the first rows and the counts,
// then the rest a page at a time, in the whole list's order; one client whole
// when a row opens it.

const NOW = Date.parse('2026-11-16T12:00:00Z');
const HOUR = 3_600_000;

/** A client waiting on the member `hours`, late for their own list (their summary says so). */
function waiting(clientKey: string, hours: number, value: number): ClientSummary {
  const since = NOW - hours * HOUR;
  return {
    ...summary(clientKey, 40, NOW),
    value,
    lastInboundAt: since,
    waitingOnMemberSince: since,
    risk: {
      chance: 40,
      level: 'watch',
      reasons: [{ kind: 'waiting_on_us', weight: 0, urgent: true, numbers: { waitingMs: hours * HOUR } }],
    },
  };
}

function member(memberId: string, summaries: ClientSummary[], self = false): MemberView {
  return { memberId, name: memberId, self, revoked: false, summaries: new Map(summaries.map((s) => [s.clientKey, s])) };
}

const members = [
  member(
    'ann',
    Array.from({ length: 140 }, (_, i) => waiting(`ann-${i}.example`, 2 + ((i * 37) % 200), (i % 7) * 1000)),
    true,
  ),
  member('bob', [
    ...Array.from({ length: 90 }, (_, i) => waiting(`bob-${i}.example`, 2 + ((i * 53) % 300), (i % 5) * 2000)),
    summary('quiet.example', 80, NOW),
  ]),
];
const scope = teamScope({
  view: { members, corrections: [], invalid: 0 },
  population: { cadence: DEFAULT_CADENCE_PRIOR, ourReplyBusinessMs: {} },
  now: NOW,
});

function handlers(version = 'v1') {
  return teamListHandlers(async () => ({ version, scope, computedAt: NOW }));
}

describe('the team’s lists as a page receives them', () => {
  it('give the first rows and the total, then pages that make up the whole list in its order', async () => {
    const whole = scope.clients
      .flatMap((client) => (client.place ? [{ key: client.key, place: client.place }] : []))
      .sort(byTeamPlace)
      .map((c) => c.key);
    expect(whole).toHaveLength(230);
    const view = handlers();
    const first = await view['ui/team-lists']({ first: 12 });
    if (!first.connected) throw new Error('not connected');
    expect(first.waiting.total).toBe(230);
    expect(first.waiting.rows.map((r) => r.key)).toEqual(whole.slice(0, 12));
    const keys = first.waiting.rows.map((r) => r.key);
    for (let offset = 12; offset < first.waiting.total; offset += 50) {
      const page = await view['ui/team-waiting-page']({ offset, limit: 50 });
      if (!page.connected) throw new Error('not connected');
      expect(page).toMatchObject({ version: 'v1', offset, total: 230 });
      keys.push(...page.rows.map((r) => r.key));
    }
    expect(keys).toEqual(whole);
  });

  it('carry a row’s name, level and place only, and the clients at risk with their first reason', async () => {
    const first = await handlers()['ui/team-lists']({ first: 12 });
    if (!first.connected) throw new Error('not connected');
    for (const row of first.waiting.rows)
      expect(Object.keys(row).sort()).toEqual(['key', 'level', 'name', 'place', 'score']);
    expect(first.riskiest.length).toBeGreaterThan(0);
    expect(first.riskiest.length).toBeLessThanOrEqual(5);
    expect(first.riskiest.map((r) => r.key)).toEqual(
      scope.clients
        .filter((c) => c.risk.level !== 'low')
        .slice(0, 5)
        .map((c) => c.key),
    );
    // A dozen rows, against every merged client with its contacts and reasons.
    expect(JSON.stringify(first).length * 20).toBeLessThan(JSON.stringify(scope.clients).length);
  });

  it('name the version of the order each page is cut from', async () => {
    const page = await handlers('v2')['ui/team-waiting-page']({ offset: 200, limit: 50 });
    expect(page).toMatchObject({ connected: true, version: 'v2', offset: 200, total: 230 });
    if (page.connected) expect(page.rows).toHaveLength(30);
    expect(
      teamWaitingRows(scope)
        .slice(200)
        .map((r) => r.key),
    ).toEqual(page.connected ? page.rows.map((r) => r.key) : []);
  });

  it('give one client whole when a row opens it, nothing for a key nobody knows, and say when no team is connected', async () => {
    const view = handlers();
    const opened = await view['ui/team-client']({ clientKey: 'bob-3.example' });
    expect(opened).toEqual({
      connected: true,
      client: scope.clients.find((c) => c.key === 'bob-3.example'),
      computedAt: NOW,
    });
    if (opened.connected) expect(opened.client?.contacts.map((c) => c.memberId)).toEqual(['bob']);
    expect(await view['ui/team-client']({ clientKey: 'nobody.example' })).toEqual({ connected: true, computedAt: NOW });
    const none = teamListHandlers(async () => undefined);
    expect(await none['ui/team-client']({ clientKey: 'bob-3.example' })).toEqual({ connected: false });
    expect(await none['ui/team-lists']({ first: 12 })).toEqual({ connected: false });
    expect(await none['ui/team-waiting-page']({ offset: 12, limit: 50 })).toEqual({ connected: false });
  });
});
