import { useCallback, useEffect, useState } from 'react';
import {
  type TeamScopeReply,
  VIEW_SCOPE_KEY,
  type ViewScope,
  viewScopeSchema,
} from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { followTeamChanges } from './follow-team-changes';
import { useExtensionStorage } from './use-extension-storage';

/**
 * The team scope as the background merges it, asked again each time the
 * background says it changed (a colleague's summary, the connection, the
 * member's own reports), and the scope the user chose (their own until they
 * pick the team's). Without a team connected it says so, and the pages stay
 * as they are.
 */
export function useTeamScope() {
  const [team, setTeam] = useState<TeamScopeReply>({ connected: false });
  const stored = useExtensionStorage(VIEW_SCOPE_KEY, viewScopeSchema);
  useEffect(() => {
    let live = true;
    const stop = followTeamChanges(() =>
      sendToBackground({ type: 'ui/team-scope' })
        .then((reply) => live && setTeam(reply))
        .catch(() => live && setTeam({ connected: false })),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  const choose = useCallback((scope: ViewScope) => {
    void sendToBackground({ type: 'ui/set-view-scope', scope });
  }, []);
  const scope: ViewScope = team.connected ? (stored ?? 'mine') : 'mine';
  return { team, scope, choose };
}
