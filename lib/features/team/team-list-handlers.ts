import { pageOf, type TeamWaitRow, teamRiskRows, teamWaitingRows } from '@/lib/team/team-lists';
import type { TeamScope } from '@/lib/team/team-scope';
import type { TeamClientReply, TeamListsReply, TeamWaitingPageReply } from './team-view-messages';

// The team's lists as the popup and the side panel show them: the first rows
// and the counts on opening, the rest of the waiting list a page at a time as
// it scrolls, and one client whole when a row is opened. The merged scope
// stays in the background; a page receives what it draws.

/** The merged scope as the background holds it, with the version of its order. */
export interface MergedScope {
  version: string;
  scope: TeamScope;
  computedAt: number;
}

export function teamListHandlers(merged: () => Promise<MergedScope | undefined>) {
  // The sorted waiting list of the scope last merged: pages of one version are cut from one list.
  let sorted: { scope: TeamScope; rows: TeamWaitRow[] } | undefined;
  const waitingOf = (scope: TeamScope) => {
    if (sorted?.scope !== scope) sorted = { scope, rows: teamWaitingRows(scope) };
    return sorted.rows;
  };

  return {
    'ui/team-lists': async ({ first }: { first: number }): Promise<TeamListsReply> => {
      const held = await merged();
      if (!held) return { connected: false };
      const { scope, version, computedAt } = held;
      return {
        connected: true,
        version,
        waiting: pageOf(waitingOf(scope), 0, first),
        riskiest: teamRiskRows(scope),
        ignored: scope.ignored,
        computedAt,
      };
    },
    'ui/team-waiting-page': async ({
      offset,
      limit,
    }: {
      offset: number;
      limit: number;
    }): Promise<TeamWaitingPageReply> => {
      const held = await merged();
      if (!held) return { connected: false };
      return { connected: true, version: held.version, offset, ...pageOf(waitingOf(held.scope), offset, limit) };
    },
    'ui/team-client': async ({ clientKey }: { clientKey: string }): Promise<TeamClientReply> => {
      const held = await merged();
      if (!held) return { connected: false };
      const client = held.scope.clients.find((c) => c.key === clientKey);
      return { connected: true, ...(client && { client }), computedAt: held.computedAt };
    },
  };
}
