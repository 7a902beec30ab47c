import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import type { PopulationModel } from '@/lib/engine/report-types';
import type { MemberView, TeamView } from '@/lib/features/team/team-replica';
import type { Correction } from '@/lib/team/corrections';
import type { ClientSummary } from '@/lib/team/summary';
import { STALE_AFTER_MS, teamScope } from '@/lib/team/team-scope';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const population: PopulationModel = { cadence: DEFAULT_CADENCE_PRIOR, ourReplyBusinessMs: {} };

function summary(over: Partial<ClientSummary> & Pick<ClientSummary, 'clientKey'>): ClientSummary {
  return {
    name: over.clientKey,
    kind: 'org',
    firstContactAt: NOW - 400 * DAY,
    replyTimes: { member: { count: 4, medianMs: 3_600_000 }, client: { count: 4, medianMs: 7_200_000 } },
    risk: { chance: 20, level: 'low', reasons: [] },
    followUps: [],
    computedAt: NOW - 60_000,
    ...over,
  };
}

function member(
  memberId: string,
  name: string,
  summaries: ClientSummary[],
  over: Partial<MemberView> = {},
): MemberView {
  return {
    memberId,
    name,
    self: false,
    revoked: false,
    summaries: new Map(summaries.map((s) => [s.clientKey, s])),
    ...over,
  };
}

function view(members: MemberView[], corrections: Correction[] = [], invalid = 0): TeamView {
  return { members, corrections, invalid };
}

const scope = (v: TeamView) => teamScope({ view: v, population, now: NOW });

describe('the team scope of a client', () => {
  // Ann last heard from acme four months ago; Bob wrote with them two days ago.
  const quietWithAnn = summary({
    clientKey: 'acme.com',
    lastInboundAt: NOW - 120 * DAY,
    lastOutboundAt: NOW - 118 * DAY,
    lastFrom: 'member',
    usualGapDays: 7,
    unusualGapDays: 20,
    risk: { chance: 81, level: 'critical', reasons: [] },
  });
  const activeWithBob = summary({
    clientKey: 'acme.com',
    lastInboundAt: NOW - 2 * DAY,
    lastOutboundAt: NOW - 1 * DAY,
    lastFrom: 'member',
    usualGapDays: 7,
    unusualGapDays: 20,
  });

  it('is at risk from Ann’s contact alone, and not once Bob’s is counted', () => {
    const alone = scope(view([member('annmember', 'Ann', [quietWithAnn], { self: true })]));
    const acmeAlone = alone.clients[0];
    expect(acmeAlone?.risk.level === 'high' || acmeAlone?.risk.level === 'critical').toBe(true);

    const team = scope(
      view([member('annmember', 'Ann', [quietWithAnn], { self: true }), member('bobmember', 'Bob', [activeWithBob])]),
    );
    const acme = team.clients[0];
    expect(acme?.risk.level === 'low' || acme?.risk.level === 'watch').toBe(true);
    expect(acme?.risk.score).toBeLessThan(acmeAlone?.risk.score ?? 0);
    // Silence counts from Bob's message, and the reason names him.
    expect(acme?.reasonMembers.silence?.name).toBe('Bob');
    const silence = acme?.risk.reasons.find((r) => r.kind === 'silence');
    if (silence?.kind === 'silence') expect(silence.numbers.silenceDays).toBe(1);
  });

  it('lists who talks to the client, the most recent first, and each one’s last contact', () => {
    const team = scope(
      view([member('annmember', 'Ann', [quietWithAnn], { self: true }), member('bobmember', 'Bob', [activeWithBob])]),
    );
    expect(team.clients[0]?.contacts.map((c) => [c.name, c.lastAt, c.self])).toEqual([
      ['Bob', NOW - 1 * DAY, false],
      ['Ann', NOW - 118 * DAY, true],
    ]);
  });

  it('makes the owner the member with the latest two-way contact, and says so', () => {
    const team = scope(view([member('annmember', 'Ann', [quietWithAnn]), member('bobmember', 'Bob', [activeWithBob])]));
    expect(team.clients[0]?.owner).toMatchObject({ name: 'Bob', rule: 'two-way-contact' });
  });

  it('takes the owner a team correction names, with the corrections it overruled counted', () => {
    const corrections: Correction[] = [
      { clientKey: 'acme.com', by: 'bobmember', at: NOW - 5000, basedOn: 0, field: 'owner', value: 'annmember' },
      { clientKey: 'acme.com', by: 'annmember', at: NOW - 6000, basedOn: 0, field: 'owner', value: 'bobmember' },
    ];
    const team = scope(
      view([member('annmember', 'Ann', [quietWithAnn]), member('bobmember', 'Bob', [activeWithBob])], corrections),
    );
    expect(team.clients[0]?.owner).toMatchObject({ name: 'Ann', rule: 'correction' });
    expect(team.clients[0]?.ownerOverruled).toBe(1);
  });

  it('folds a client a correction merged into another into that one', () => {
    const corrections: Correction[] = [
      { clientKey: 'acme.io', by: 'annmember', at: NOW - 5000, basedOn: 0, field: 'mergeInto', value: 'acme.com' },
    ];
    const other = summary({ ...activeWithBob, clientKey: 'acme.io' });
    const team = scope(
      view([member('annmember', 'Ann', [quietWithAnn]), member('bobmember', 'Bob', [other])], corrections),
    );
    expect(team.clients.map((c) => c.key)).toEqual(['acme.com']);
    expect(team.clients[0]?.contacts.map((c) => c.name)).toEqual(['Bob', 'Ann']);
  });
});

describe('the team waiting list', () => {
  const waitsOnBob = summary({
    clientKey: 'globex.com',
    lastInboundAt: NOW - 3 * DAY,
    lastOutboundAt: NOW - 10 * DAY,
    lastFrom: 'client',
    waitingOnMemberSince: NOW - 3 * DAY,
    risk: {
      chance: 30,
      level: 'watch',
      reasons: [{ kind: 'waiting_on_us', weight: 0, urgent: true, numbers: { waitingBusinessMs: 20 * 3_600_000 } }],
    },
  });

  it('shows a client waiting on Bob in Ann’s team view, with Bob named', () => {
    const team = scope(
      view([
        member('annmember', 'Ann', [summary({ clientKey: 'globex.com', lastOutboundAt: NOW - 20 * DAY })], {
          self: true,
        }),
        member('bobmember', 'Bob', [waitsOnBob]),
      ]),
    );
    const globex = team.clients.find((c) => c.key === 'globex.com');
    expect(globex?.waits).toEqual([{ memberId: 'bobmember', name: 'Bob', self: false, since: NOW - 3 * DAY }]);
    expect(globex?.reasonMembers.waiting_on_us?.name).toBe('Bob');
    // Bob's working time waited is over his usual reply time: a reason to act, in the team's risk too.
    expect(globex?.risk.reasons.some((r) => r.kind === 'waiting_on_us' && r.urgent)).toBe(true);
  });

  it('drops the wait once another member has written to the client since', () => {
    const team = scope(
      view([
        member('annmember', 'Ann', [summary({ clientKey: 'globex.com', lastOutboundAt: NOW - DAY })], { self: true }),
        member('bobmember', 'Bob', [waitsOnBob]),
      ]),
    );
    expect(team.clients.find((c) => c.key === 'globex.com')?.waits).toEqual([]);
  });
});

describe('what the team scope leaves out', () => {
  it('ignores and counts stale, future-dated and invalid summaries, and a revoked member’s', () => {
    const fresh = summary({ clientKey: 'fresh.com', lastInboundAt: NOW - DAY });
    const stale = summary({
      clientKey: 'stale.com',
      lastInboundAt: NOW - 30 * DAY,
      computedAt: NOW - STALE_AFTER_MS - 1,
    });
    const future = summary({ clientKey: 'future.com', lastInboundAt: NOW + 10 * DAY });
    const team = scope(
      view(
        [
          member('bobmember', 'Bob', [fresh, stale, future]),
          member('evemember', 'Eve', [summary({ clientKey: 'gone.com', lastInboundAt: NOW - DAY })], { revoked: true }),
        ],
        [],
        2,
      ),
    );
    expect(team.clients.map((c) => c.key)).toEqual(['fresh.com']);
    expect(team.ignored).toEqual({ stale: 1, future: 1, invalid: 2 });
  });

  it('keeps the member’s own summaries however old, since they are this browser’s', () => {
    const old = summary({ clientKey: 'old.com', lastInboundAt: NOW - 40 * DAY, computedAt: NOW - 40 * DAY });
    const team = scope(view([member('annmember', 'Ann', [old], { self: true })]));
    expect(team.clients.map((c) => c.key)).toEqual(['old.com']);
  });

  it('is empty for a team with no summaries', () => {
    expect(scope(view([]))).toEqual({ clients: [], ignored: { stale: 0, future: 0, invalid: 0 } });
  });
});
