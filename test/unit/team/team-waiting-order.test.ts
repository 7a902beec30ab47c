import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import { byPriority } from '@/lib/engine/follow-up-urgency';
import type { ClientOverrides } from '@/lib/engine/overrides';
import type { ClientReport, PopulationModel } from '@/lib/engine/report-types';
import type { MailMessage } from '@/lib/engine/types';
import { waitingPlace } from '@/lib/engine/waiting-order';
import type { MemberView } from '@/lib/features/team/team-replica';
import { summarizeClient } from '@/lib/team/summary';
import { type TeamClient, teamScope } from '@/lib/team/team-scope';
import { byTeamPlace } from '@/lib/team/team-waiting-order';
import { DAY, HOUR, identity, ME, mail } from '../engine/mail-builders';

// The team's "waiting on the team" list weighs each client as the member who
// owes it weighs it in their own "waiting on you" list: for clients only one
// member knows, the team's order is that member's order, cue first.

const NOW = Date.parse('2026-11-16T12:00:00Z');

const SNIPPETS = {
  routine: 'Thanks, see the notes below',
  complaint: 'We are not happy with the delays, this is unacceptable',
  cancellation: 'We want to cancel the contract',
} as const;

interface ClientPlan {
  /** How long ago the client's last, unanswered message came. */
  waitingHours: number;
  /** How long the member usually takes to answer this client. */
  replyHours: number;
  last: keyof typeof SNIPPETS;
  tier?: 'key' | 'standard' | 'minor';
}

/** A year of monthly exchanges with each client, then the client's last message, still unanswered. */
function mailbox(
  prefix: string,
  plans: readonly ClientPlan[],
): { messages: MailMessage[]; overrides: ClientOverrides } {
  const messages: MailMessage[] = [];
  const clients: NonNullable<ClientOverrides['clients']> = {};
  plans.forEach((plan, c) => {
    const domain = `${prefix}${c}.example`;
    const client = `anna@${domain}`;
    if (plan.tier) clients[domain] = { tier: plan.tier };
    const last = NOW - plan.waitingHours * HOUR;
    for (let i = 0; i < 12; i++) {
      const at = last - (360 - i * 30) * DAY;
      messages.push(
        mail({ threadId: `${domain}-${i}`, from: client, at, snippet: SNIPPETS.routine }),
        mail({ threadId: `${domain}-${i}`, from: ME, to: [client], at: at + plan.replyHours * HOUR }),
      );
    }
    messages.push(mail({ threadId: `${domain}-last`, from: client, at: last, snippet: SNIPPETS[plan.last] }));
  });
  return { messages, overrides: { clients } };
}

const plan: fc.Arbitrary<ClientPlan> = fc.record(
  {
    waitingHours: fc.integer({ min: 1, max: 9 * 24 }),
    replyHours: fc.integer({ min: 1, max: 30 }),
    last: fc.constantFrom<keyof typeof SNIPPETS>('routine', 'routine', 'complaint', 'cancellation'),
    tier: fc.constantFrom('key', 'standard', 'minor'),
  },
  { requiredKeys: ['waitingHours', 'replyHours', 'last'] },
);

function analyze(prefix: string, plans: readonly ClientPlan[]) {
  return analyzeAccount({ ...mailbox(prefix, plans), identity, settings: { timeZone: 'UTC' }, now: NOW });
}

/** The member's own "waiting on you" list, as their popup orders it. */
function ownList(reports: readonly ClientReport[]): string[] {
  return reports
    .flatMap((report) => {
      const place = waitingPlace(report, 'onYou', NOW);
      return place ? [{ ...place, key: report.key }] : [];
    })
    .sort(byPriority)
    .map((p) => p.key);
}

const member = (memberId: string, name: string, reports: readonly ClientReport[], self: boolean): MemberView => ({
  memberId,
  name,
  self,
  revoked: false,
  summaries: new Map(reports.map((r) => [r.key, summarizeClient(r, NOW)])),
});

/** The team's waiting list, as the team popup orders it. */
function teamList(members: MemberView[], population: PopulationModel): TeamClient[] {
  const { clients } = teamScope({ view: { members, corrections: [], invalid: 0 }, population, now: NOW });
  return clients
    .flatMap((client) => (client.place ? [{ key: client.key, client, place: client.place }] : []))
    .sort(byTeamPlace)
    .map(({ client }) => client);
}

describe('the team’s waiting list', () => {
  it('lists exactly the clients only one member knows that member’s own list holds, in its order', () => {
    fc.assert(
      fc.property(
        fc.array(plan, { minLength: 1, maxLength: 6 }),
        fc.array(plan, { minLength: 1, maxLength: 6 }),
        (annPlans, bobPlans) => {
          const anns = analyze('ann', annPlans);
          const bobs = analyze('bob', bobPlans);
          const team = teamList(
            [member('annmember', 'Ann', anns.clients, true), member('bobmember', 'Bob', bobs.clients, false)],
            anns.population,
          );
          for (const [memberId, own] of [
            ['annmember', ownList(anns.clients)],
            ['bobmember', ownList(bobs.clients)],
          ] as const) {
            // Restricted to the member, the team's list is the member's own: the same clients, in the same order.
            const theirs = team.filter((c) => c.place?.memberId === memberId).map((c) => c.key);
            expect(new Set(theirs)).toEqual(new Set(own));
            expect(theirs).toEqual(own);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('puts a cue to acknowledge before a longer routine wait, and says why each row stands there', () => {
    const bobs = analyze('bob', [
      { waitingHours: 72, replyHours: 2, last: 'routine' },
      { waitingHours: 20, replyHours: 2, last: 'cancellation' },
    ]);
    const team = teamList([member('bobmember', 'Bob', bobs.clients, false)], bobs.population);
    expect(team.map((c) => c.key)).toEqual(['bob1.example', 'bob0.example']);
    expect(team[0]?.place).toMatchObject({ memberId: 'bobmember', name: 'Bob', cue: 'cancellation' });
    expect(team[1]?.place?.cue).toBeUndefined();
    expect(team[1]?.place?.dueAt).toBe(NOW - 72 * HOUR + 2 * HOUR);
  });

  it('weighs a wait from its start and the usual reply time when the summary carries no follow-up for it', () => {
    const bobs = analyze('bob', [{ waitingHours: 30, replyHours: 3, last: 'routine' }]);
    const bob = member('bobmember', 'Bob', bobs.clients, false);
    for (const summary of bob.summaries.values()) summary.followUps = [];
    const [client] = teamList([bob], bobs.population);
    expect(client?.place).toMatchObject({ since: NOW - 30 * HOUR, dueAt: NOW - 27 * HOUR });
    expect(client?.place?.priority).toBe(waitingPlace(bobs.clients[0] as ClientReport, 'onYou', NOW)?.priority);
  });

  it('leaves out a wait not yet late for the member, and one too old to act on as of now', () => {
    const bobs = analyze('bob', [
      { waitingHours: 1, replyHours: 5, last: 'routine' },
      { waitingHours: 30, replyHours: 3, last: 'routine' },
    ]);
    expect(ownList(bobs.clients)).toEqual(['bob1.example']);
    const bob = member('bobmember', 'Bob', bobs.clients, true);
    expect(teamList([bob], bobs.population).map((c) => c.key)).toEqual(['bob1.example']);
    const later = (days: number) =>
      teamScope({
        view: { members: [bob], corrections: [], invalid: 0 },
        population: bobs.population,
        now: NOW + days * DAY,
      })
        .clients.filter((c) => c.place)
        .map((c) => c.key);
    // Still listed while the wait is within the days a wait is acted on, gone after.
    expect(later(20)).toEqual(['bob1.example']);
    expect(later(30)).toEqual([]);
  });
});
