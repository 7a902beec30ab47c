import type { RiskLevel, RiskReason } from '@/lib/engine/risk-types';
import type { TeamClient, TeamScope } from './team-scope';
import { byTeamPlace, type MemberRef, type TeamPlace } from './team-waiting-order';

// What the team's lists show, cut to what a page shows at once: a row of the
// waiting list is its name, level and place, never the merged client behind
// it; the rest of a list comes a page at a time as the page scrolls, in the
// order the whole list has. A team of 20 members × 5,000 clients merges into
// tens of thousands of clients; a popup shows a dozen.

/** A row of the team's waiting list: enough to draw it, its key to ask for the rest. */
export interface TeamWaitRow {
  key: string;
  name: string;
  level: RiskLevel;
  score: number;
  place: TeamPlace;
}

/** A row of the team's clients most at risk, with its first reason and the member it is about. */
export interface TeamRiskRow {
  key: string;
  name: string;
  level: RiskLevel;
  score: number;
  reason?: RiskReason;
  member?: MemberRef;
}

/** The clients the lists show as at risk, most at risk first. */
export const TEAM_RISKIEST_SHOWN = 5;

/** The team's waiting list, in the follow-ups' order: most pressing first, then the earliest due, then by key. */
export function teamWaitingRows(scope: TeamScope): TeamWaitRow[] {
  return scope.clients
    .flatMap((client) =>
      client.place
        ? [
            {
              key: client.key,
              name: client.name,
              level: client.risk.level,
              score: client.risk.score,
              place: client.place,
            },
          ]
        : [],
    )
    .sort(byTeamPlace);
}

const riskRow = (client: TeamClient): TeamRiskRow => {
  const reason = client.risk.reasons[0];
  const member = reason && client.reasonMembers[reason.kind];
  return {
    key: client.key,
    name: client.name,
    level: client.risk.level,
    score: client.risk.score,
    ...(reason && { reason }),
    ...(member && { member }),
  };
};

/** The team's clients most at risk (the scope is ordered so), past the low level. */
export function teamRiskRows(scope: TeamScope): TeamRiskRow[] {
  return scope.clients
    .filter((c) => c.risk.level !== 'low')
    .slice(0, TEAM_RISKIEST_SHOWN)
    .map(riskRow);
}

/** The rows from `offset`, at most `limit`, and how many the whole list holds. */
export function pageOf<T>(rows: readonly T[], offset: number, limit: number): { rows: T[]; total: number } {
  return { rows: rows.slice(offset, offset + limit), total: rows.length };
}
