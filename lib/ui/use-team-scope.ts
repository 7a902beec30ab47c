import { useCallback, useEffect, useState } from 'react';
import {
  type TeamScopeReply,
  VIEW_SCOPE_KEY,
  type ViewScope,
  viewScopeSchema,
} from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { useExtensionStorage } from './use-extension-storage';

/** How often an open popup or side panel asks again, so a colleague's change shows within seconds. */
const REFRESH_MS = 2000;

/**
 * The team scope as the background merges it, asked again while the page is
 * open, and the scope the user chose (their own until they pick the team's).
 * Without a team connected it says so, and the pages stay as they are.
 */
export function useTeamScope() {
  const [team, setTeam] = useState<TeamScopeReply>({ connected: false });
  const stored = useExtensionStorage(VIEW_SCOPE_KEY, viewScopeSchema);
  useEffect(() => {
    let live = true;
    const ask = () => {
      sendToBackground({ type: 'ui/team-scope' })
        .then((reply) => live && setTeam(reply))
        .catch(() => live && setTeam({ connected: false }));
    };
    ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const choose = useCallback((scope: ViewScope) => {
    void sendToBackground({ type: 'ui/set-view-scope', scope });
  }, []);
  const scope: ViewScope = team.connected ? (stored ?? 'mine') : 'mine';
  return { team, scope, choose };
}
