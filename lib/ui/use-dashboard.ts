import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { dashboardCsv } from '@/lib/data/dashboard-csv';
import { buildDashboard, type Dashboard } from '@/lib/engine/dashboard';
import type { GetDashboardReply } from '@/lib/features/dashboard/messages';
import type { ViewScope } from '@/lib/features/team/team-view-messages';
import { sendToBackground } from '@/lib/messaging/send';
import { PANEL_IN_TAB, sidePanelClientItem } from '@/lib/messaging/side-panel-client';
import { followTeamChanges } from './follow-team-changes';
import { datedFileName, saveFile } from './save-file';

export type DashboardState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; dashboard: Dashboard; timeZone: string; empty: boolean };

/** The account's own clients, or every member's from the local copy of the team's summaries (the account's when no team is). */
async function clientsOf(account: string, scope: ViewScope): Promise<GetDashboardReply> {
  if (scope === 'team') {
    const team = await sendToBackground({ type: 'ui/team-dashboard' });
    if (team.connected) return { timeZone: team.timeZone, clients: team.clients };
  }
  return sendToBackground({ type: 'ui/get-dashboard', account });
}

/**
 * The dashboard of one account, or of its team: the clients' histories from
 * the background, counted here, as of the moment the page asked for them
 * (the team's asked again each time the background says the team changed).
 */
export function useDashboard(account: string, scope: ViewScope = 'mine') {
  const [reply, setReply] = useState<{ data: GetDashboardReply; now: number } | { error: string }>();
  useEffect(() => {
    let live = true;
    setReply(undefined);
    const load = () =>
      clientsOf(account, scope)
        .then((data) => live && setReply({ data, now: Date.now() }))
        .catch((error: unknown) => live && setReply({ error: String(error) }));
    if (scope !== 'team') {
      void load();
      return () => {
        live = false;
      };
    }
    // The team's months move as colleagues' summaries arrive: follow them, as the popup does.
    const stop = followTeamChanges(load);
    return () => {
      live = false;
      stop();
    };
  }, [account, scope]);
  const state = useMemo((): DashboardState => {
    if (!reply) return { kind: 'loading' };
    if ('error' in reply) return { kind: 'failed', error: reply.error };
    const { clients, timeZone } = reply.data;
    const dashboard = buildDashboard({ clients, now: reply.now, timeZone });
    return { kind: 'ready', dashboard, timeZone, empty: clients.every((c) => c.theirContactAt.length === 0) };
  }, [reply]);

  const exportCsv = () => {
    if (state.kind !== 'ready') return;
    const csv = dashboardCsv(state.dashboard, scope === 'team' ? 'team' : account, state.timeZone);
    saveFile(datedFileName('keepwarm-dashboard', 'csv', new Date(state.dashboard.now)), 'text/csv', csv);
  };
  /** The side panel shows the client: an open panel follows at once, and a tab shows it where no panel is open. */
  const openClient = async (clientKey: string) => {
    await sidePanelClientItem.setValue({ account, clientKey, requestedAt: Date.now() });
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?${PANEL_IN_TAB}`) });
  };
  return { state, exportCsv, openClient };
}
