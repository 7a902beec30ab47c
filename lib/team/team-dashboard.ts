import type { DashboardClient } from '@/lib/engine/dashboard';
import type { TeamView } from '@/lib/features/team/team-replica';
import { leftOut } from './team-scope';

// The team's dashboard list: every member's summary of each client, as the
// dashboard counts clients, with whose client it is. The dashboard merges a
// client several members know into one (lib/engine/dashboard.ts). Pure: the
// replicated view and the clock in.

/**
 * One dashboard entry per member and client. A summary carries its history as
 * days (lib/team/summary.ts); one from a release without it counts its last
 * contact only. Revoked members' summaries, and those the team scope leaves
 * out (stale, or dated ahead of this clock), are left out here too.
 */
export function teamDashboardClients(view: TeamView, now: number): DashboardClient[] {
  const clients: DashboardClient[] = [];
  for (const member of view.members) {
    if (member.revoked) continue;
    for (const summary of member.summaries.values()) {
      if (leftOut(summary, member.self, now)) continue;
      const contact =
        summary.history?.contactDays ?? (summary.lastInboundAt === undefined ? [] : [summary.lastInboundAt]);
      const client: DashboardClient = {
        key: summary.clientKey,
        name: summary.name,
        whose: member.name,
        chance: summary.risk.chance,
        theirContactAt: contact,
        replies: (summary.history?.replies ?? []).map((r) => ({ by: r.by, at: r.day, wallMs: r.wallMs })),
      };
      if (summary.value !== undefined) client.value = summary.value;
      if (summary.tier !== undefined) client.tier = summary.tier;
      clients.push(client);
    }
  }
  return clients;
}
