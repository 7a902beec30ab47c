import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDashboard, type DashboardClient } from '@/lib/engine/dashboard';
import type { MemberView, TeamView } from '@/lib/features/team/team-replica';
import { type ClientSummary, clientSummarySchema, HISTORY_MAX, summaryHistory } from '@/lib/team/summary';
import { teamDashboardClients } from '@/lib/team/team-dashboard';
import { STALE_AFTER_MS } from '@/lib/team/team-scope';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);
const timeZone = 'Europe/Kyiv';

/** A member's own dashboard entry: day-aligned times, as a summary carries them. */
function client(key: string, whose: string, contactDaysAgo: number[], over: Partial<DashboardClient> = {}) {
  const theirContactAt = contactDaysAgo.map((d) => Math.floor((NOW - d * DAY) / DAY) * DAY).sort((a, b) => a - b);
  const replies = theirContactAt.flatMap((at, i) => [
    { by: 'out' as const, at: at + DAY, wallMs: (i + 1) * 3_600_000 },
    { by: 'in' as const, at: at + 2 * DAY, wallMs: (i + 2) * 7_200_000 },
  ]);
  return { key, name: key, whose, theirContactAt, replies, chance: 30, ...over } satisfies DashboardClient;
}

/** What the member publishes of that client: a summary with its history as days. */
function summaryOf(c: DashboardClient, computedAt = NOW - 60_000): ClientSummary {
  return {
    clientKey: c.key,
    name: c.name,
    kind: 'org',
    ...(c.value === undefined ? {} : { value: c.value }),
    firstContactAt: c.theirContactAt[0] ?? NOW,
    lastInboundAt: c.theirContactAt.at(-1),
    replyTimes: { member: { count: 0 }, client: { count: 0 } },
    risk: { chance: c.chance ?? 0, level: 'watch', reasons: [] },
    followUps: [],
    history: summaryHistory(c),
    computedAt,
  };
}

function member(name: string, summaries: ClientSummary[], over: Partial<MemberView> = {}): MemberView {
  return {
    memberId: name.toLowerCase(),
    name,
    revoked: false,
    self: false,
    summaries: new Map(summaries.map((s) => [s.clientKey, s])),
    ...over,
  };
}

const view = (members: MemberView[]): TeamView => ({ members, corrections: [], invalid: 0 });

describe('the team dashboard from replicated summaries', () => {
  const ann = [
    client('acme.example', 'Ann', [300, 240, 200, 150, 100], { value: 5000 }),
    client('globex.example', 'Ann', [20, 10, 3]),
  ];
  const bob = [
    // A client quiet with Ann for 100 days but writing to Bob since: active for the team.
    client('acme.example', 'Bob', [80, 40, 5]),
    client('initech.example', 'Bob', [365, 330], { value: 1200 }),
  ];

  it('counts the same months, values, replies and cohorts as the engine on the members’ own histories', () => {
    const team = view([
      member(
        'Ann',
        ann.map((c) => summaryOf(c)),
        { self: true },
      ),
      member(
        'Bob',
        bob.map((c) => summaryOf(c)),
      ),
    ]);
    const fromSummaries = buildDashboard({ clients: teamDashboardClients(team, NOW), now: NOW, timeZone });
    const fromHistories = buildDashboard({ clients: [...ann, ...bob], now: NOW, timeZone });
    expect(fromSummaries).toEqual(fromHistories);
    expect(fromSummaries.atRisk.find((c) => c.key === 'acme.example')?.whose).toEqual(['Ann', 'Bob']);
    expect(fromSummaries.activeNow).toBe(2);
  });

  it('leaves out a revoked member, a colleague’s stale summary and one dated ahead of this clock, as the team view does', () => {
    const team = view([
      member(
        'Ann',
        ann.map((c) => summaryOf(c)),
        { self: true },
      ),
      member(
        'Bob',
        bob.map((c) => summaryOf(c)),
        { revoked: true },
      ),
      member('Cat', [summaryOf(client('stale.example', 'Cat', [2]), NOW - STALE_AFTER_MS - DAY)]),
      member('Dan', [summaryOf(client('ahead.example', 'Dan', [2]), NOW + 3 * DAY)]),
    ]);
    expect(teamDashboardClients(team, NOW).map((c) => `${c.whose} ${c.key}`)).toEqual([
      'Ann acme.example',
      'Ann globex.example',
    ]);
  });

  it('counts a summary without a history (an older release’s) by its last contact', () => {
    const { history: _, ...bare } = summaryOf(client('old.example', 'Bob', [30, 4]));
    const [entry] = teamDashboardClients(view([member('Bob', [bare])]), NOW);
    expect(entry?.theirContactAt).toEqual([bare.lastInboundAt]);
    expect(entry?.replies).toEqual([]);
  });
});

describe('a summary’s history', () => {
  it('keeps the first day of contact and the latest ones, within its bound, and passes the summary’s checks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 1500 }), (daysAgo) => {
        const c = client('x.example', 'Ann', daysAgo.length ? daysAgo : [1]);
        const history = summaryHistory(c);
        expect(history.contactDays.length).toBeLessThanOrEqual(HISTORY_MAX);
        expect(history.contactDays[0]).toBe(c.theirContactAt[0]);
        expect(history.contactDays.at(-1)).toBe(c.theirContactAt.at(-1));
        expect(history.replies.length).toBeLessThanOrEqual(HISTORY_MAX);
        expect(clientSummarySchema.safeParse(summaryOf(c)).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps no text: a field it does not know is dropped, and text where a number belongs refuses it', () => {
    const s = summaryOf(client('x.example', 'Ann', [3]));
    const withText = { ...s, history: { ...s.history, note: 'Re: invoice' } };
    const replyText = { ...s, history: { contactDays: [], replies: [{ by: 'in', day: 0, wallMs: 1, subject: 'x' }] } };
    for (const smuggled of [withText, replyText]) {
      const parsed = clientSummarySchema.safeParse(smuggled);
      expect(parsed.success).toBe(true);
      expect(JSON.stringify(parsed.data)).not.toMatch(/note|Re: invoice|subject/);
    }
    const dayAsText = { ...s, history: { contactDays: ['Re: invoice'], replies: [] } };
    const wallAsText = { ...s, history: { contactDays: [], replies: [{ by: 'in', day: 0, wallMs: 'Re: invoice' }] } };
    expect(clientSummarySchema.safeParse(dayAsText).success).toBe(false);
    expect(clientSummarySchema.safeParse(wallAsText).success).toBe(false);
  });
});
