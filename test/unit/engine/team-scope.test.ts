import { describe, expect, it } from 'vitest';
import { type MemberSummaries, teamClients } from '@/lib/engine/team-scope';
import type { ClientSummary } from '@/lib/team/summary';

const DAY = 86_400_000;
const now = Date.parse('2026-11-16T12:00:00Z');

function summary(fields: Partial<ClientSummary>): ClientSummary {
  return {
    clientKey: 'acme.example',
    name: 'Acme',
    kind: 'org',
    firstContactAt: now - 300 * DAY,
    replyTimes: { member: { count: 0 }, client: { count: 0 } },
    risk: { chance: 20, level: 'low', reasons: [] },
    followUps: [],
    computedAt: now,
    ...fields,
  };
}

const member = (memberId: string, name: string, ...summaries: ClientSummary[]): MemberSummaries => ({
  memberId,
  name,
  summaries: new Map(summaries.map((s) => [s.clientKey, s])),
});

describe('teamClients', () => {
  it('counts silence from the last contact with anyone, and takes the freshest member’s chance', () => {
    const olena = member(
      'olena',
      'Olena',
      summary({ lastInboundAt: now - 80 * DAY, risk: { chance: 85, level: 'critical', reasons: [] } }),
    );
    const petro = member('petro', 'Petro', summary({ lastInboundAt: now - 2 * DAY, lastOutboundAt: now - DAY }));
    const [acme] = teamClients([olena, petro], now);
    expect(acme?.silenceDays).toBe(1);
    expect(acme?.lastContactMemberId).toBe('petro');
    expect(acme?.risk.level).toBe('low');
    expect(acme?.contacts.map((c) => c.name)).toEqual(['Petro', 'Olena']);
  });

  it('makes a client waiting on one member wait on the team, with the member named', () => {
    const olena = member('olena', 'Olena', summary({ lastOutboundAt: now - 10 * DAY }));
    const petro = member(
      'petro',
      'Petro',
      summary({ lastInboundAt: now - 3 * DAY, waitingOnMemberSince: now - 3 * DAY }),
    );
    expect(teamClients([olena, petro], now)[0]?.waitingOn).toEqual([
      { memberId: 'petro', name: 'Petro', since: now - 3 * DAY },
    ]);
  });

  it('ends the wait once another member has written to the client since', () => {
    const olena = member('olena', 'Olena', summary({ lastOutboundAt: now - DAY }));
    const petro = member(
      'petro',
      'Petro',
      summary({ lastInboundAt: now - 3 * DAY, waitingOnMemberSince: now - 3 * DAY }),
    );
    expect(teamClients([olena, petro], now)[0]?.waitingOn).toEqual([]);
  });

  it('keeps the team waiting on the client only while they wrote to nobody since', () => {
    const olena = member(
      'olena',
      'Olena',
      summary({ lastOutboundAt: now - 9 * DAY, waitingOnClientSince: now - 9 * DAY }),
    );
    const petro = member('petro', 'Petro', summary({ lastInboundAt: now - 2 * DAY }));
    expect(teamClients([olena], now)[0]?.waitingOnClientSince).toBe(now - 9 * DAY);
    expect(teamClients([olena, petro], now)[0]?.waitingOnClientSince).toBeUndefined();
  });

  it('lists each client once, with the highest tier and value any member gave', () => {
    const olena = member(
      'olena',
      'Olena',
      summary({ tier: 'standard', value: 100 }),
      summary({ clientKey: 'b.example' }),
    );
    const petro = member('petro', 'Petro', summary({ tier: 'key', value: 50 }));
    const clients = teamClients([olena, petro], now);
    expect(clients.map((c) => c.clientKey).sort()).toEqual(['acme.example', 'b.example']);
    expect(clients.find((c) => c.clientKey === 'acme.example')).toMatchObject({ tier: 'key', value: 100 });
  });
});
