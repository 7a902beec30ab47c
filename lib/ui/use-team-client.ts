import { useCallback, useEffect, useState } from 'react';
import type { TeamClientReply } from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { useDatabase } from './database';
import { followTeamChanges } from './follow-team-changes';
import { accountPathOf, gmailSearchUrl, openInGmail } from './open-in-gmail';

/**
 * One client of the team scope, whole (who talks to them, when each last did,
 * who owns them), asked again each time the background says the team changed;
 * and a search for the client in the user's own Gmail. No thread of a
 * colleague is ever known here: the search is of the user's own mail, in the
 * account that knows the client, else the first one.
 */
export function useTeamClient(clientKey: string | undefined) {
  const db = useDatabase();
  const [reply, setReply] = useState<TeamClientReply | undefined>();
  useEffect(() => {
    setReply(undefined);
    if (clientKey === undefined) return;
    let live = true;
    const stop = followTeamChanges(() =>
      sendToBackground({ type: 'ui/team-client', clientKey })
        .then((answer) => live && setReply(answer))
        .catch(() => live && setReply({ connected: false })),
    );
    return () => {
      live = false;
      stop();
    };
  }, [clientKey]);
  const searchInGmail = useCallback(async () => {
    if (clientKey === undefined) return;
    const accounts = await db.accounts.toCollection().primaryKeys();
    const known = await Promise.all(accounts.map((account) => db.clients.get([account, clientKey])));
    const account = known.find((client) => client !== undefined)?.account ?? accounts[0];
    await openInGmail(gmailSearchUrl(account === undefined ? undefined : await accountPathOf(db, account), clientKey));
  }, [db, clientKey]);
  return { reply, searchInGmail };
}
