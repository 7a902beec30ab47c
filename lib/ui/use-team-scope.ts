import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  TEAM_FIRST_ROWS,
  type TeamListsReply,
  type TeamWaitRowView,
  VIEW_SCOPE_KEY,
  type ViewScope,
  viewScopeSchema,
} from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { followTeamChanges } from './follow-team-changes';
import { useExtensionStorage } from './use-extension-storage';

/** The rows one ask brings as the list scrolls. */
export const TEAM_PAGE_ROWS = 50;

/** The team's waiting list as far as it is loaded: `rows[i]` is undefined until its page arrives. */
export interface TeamWaiting {
  rows: readonly (TeamWaitRowView | undefined)[];
  /** The rows from `start` to before `end` are in view: their pages are asked for. */
  need(start: number, end: number): void;
}

type Pages = { version: string; rows: Map<number, TeamWaitRowView> };

/**
 * The team's lists as the background merges them, cut to what the page shows:
 * the first waiting rows, the counts and the clients at risk, asked again each
 * time the background says the team changed; the rest of the waiting list a
 * page at a time as it scrolls into view. A page of a newer merge than the
 * first rows' asks for the lists again, so the order shown is always one
 * merge's. Also the scope the user chose (their own until they pick the team's).
 */
export function useTeamScope() {
  const [team, setTeam] = useState<TeamListsReply>({ connected: false });
  const [pages, setPages] = useState<Pages>({ version: '', rows: new Map() });
  const asked = useRef<{ version: string; pages: Set<number> }>({ version: '', pages: new Set() });
  const askAgain = useRef<() => void>(() => undefined);
  const stored = useExtensionStorage(VIEW_SCOPE_KEY, viewScopeSchema);
  useEffect(() => {
    let live = true;
    const ask = () =>
      sendToBackground({ type: 'ui/team-lists', first: TEAM_FIRST_ROWS })
        .then((reply) => live && setTeam(reply))
        .catch(() => live && setTeam({ connected: false }));
    const stop = followTeamChanges(ask);
    // A page of another merge than the first rows': the lists are asked again, as on the background's notice.
    askAgain.current = () => void ask();
    return () => {
      live = false;
      stop();
    };
  }, []);
  const version = team.connected ? team.version : '';
  const need = useCallback(
    (start: number, end: number) => {
      if (!version) return;
      if (asked.current.version !== version) asked.current = { version, pages: new Set() };
      const held = asked.current.pages;
      // The first rows came with the lists: only rows past them are asked for.
      const from = Math.max(start, TEAM_FIRST_ROWS);
      for (let page = Math.floor(from / TEAM_PAGE_ROWS); from < end && page * TEAM_PAGE_ROWS < end; page++) {
        const offset = page * TEAM_PAGE_ROWS;
        if (held.has(page)) continue;
        held.add(page);
        void sendToBackground({ type: 'ui/team-waiting-page', offset, limit: TEAM_PAGE_ROWS })
          .then((reply) => {
            if (!reply.connected || reply.version !== version) return askAgain.current();
            setPages((current) => {
              const rows = new Map(current.version === version ? current.rows : []);
              for (const [i, row] of reply.rows.entries()) rows.set(reply.offset + i, row);
              return { version, rows };
            });
          })
          .catch(() => held.delete(page));
      }
    },
    [version],
  );
  const choose = useCallback((scope: ViewScope) => {
    void sendToBackground({ type: 'ui/set-view-scope', scope });
  }, []);
  const scope: ViewScope = team.connected ? (stored ?? 'mine') : 'mine';
  const rows = useMemo(() => (team.connected ? loadedRows(team, pages) : []), [team, pages]);
  const waiting: TeamWaiting = useMemo(() => ({ rows, need }), [rows, need]);
  return { team, scope, choose, waiting };
}

function loadedRows(team: Extract<TeamListsReply, { connected: true }>, pages: Pages) {
  const rows: (TeamWaitRowView | undefined)[] = new Array(team.waiting.total);
  team.waiting.rows.forEach((row, i) => {
    rows[i] = row;
  });
  if (pages.version === team.version) for (const [i, row] of pages.rows) if (i < rows.length) rows[i] = row;
  return rows;
}
