import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TeamSectionProps } from '@/components/team-section';
import { permissionOrigin, serverUrl } from '@/lib/features/team/connection-settings';
import { memberIdOfToken } from '@/lib/features/team/member-token';
import type { TeamStatus } from '@/lib/features/team/messages';
import { sendToBackground } from '@/lib/messaging/send';
import { followTeamChanges } from '@/lib/ui/follow-team-changes';
import { useTranslator } from '@/lib/ui/use-translator';

/**
 * The options page's team section. The state of sync changes on its own (the
 * server comes and goes, a token is revoked, a colleague's summaries arrive):
 * the section asks again when the background says so, never on a timer;
 * connecting and leaving are changes the background tells of too. The browser
 * shows its permission prompt only during the user's click, so the server's
 * host is asked for here, first; the background connects only to a host the
 * browser granted.
 */
export function useTeam(): TeamSectionProps {
  const { t } = useTranslator();
  const [status, setStatus] = useState<TeamStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    let live = true;
    const stop = followTeamChanges(() =>
      sendToBackground({ type: 'ui/team-status' })
        .then((reply) => live && setStatus(reply))
        .catch((e: unknown) => live && setError(t('status.unreachable', { error: String(e) }))),
    );
    return () => {
      live = false;
      stop();
    };
  }, [t]);

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    work()
      .catch((e: unknown) => setError(t('team.failed', { error: String(e) })))
      .finally(() => setBusy(false));
  };

  return {
    status,
    busy,
    error,
    notice,
    onConnect: (address, teamId, token) => {
      const url = serverUrl(address);
      if (url === undefined) return setError(t('team.badAddress'));
      if (memberIdOfToken(token) === undefined) return setError(t('team.badToken'));
      const origin = permissionOrigin(url);
      const granted = browser.permissions.request({ origins: [origin] });
      run(async () => {
        if (!(await granted)) return setError(t('team.denied', { host: new URL(url).host }));
        const reply = await sendToBackground({ type: 'ui/team-connect', address, teamId, token });
        if ('problem' in reply) {
          const host = new URL(url).host;
          setError(
            reply.problem === 'permission'
              ? t('team.denied', { host })
              : t(`team.bad${reply.problem === 'address' ? 'Address' : 'Token'}`),
          );
        }
      });
    },
    onLeave: (deleteOwnDocument) =>
      run(async () => {
        const reply = await sendToBackground({ type: 'ui/team-leave', deleteOwnDocument });
        if (deleteOwnDocument && !reply.deletedOnServer) setNotice(t('team.leftNotDeleted'));
      }),
  };
}
