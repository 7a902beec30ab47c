import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { dashboardCsv } from '@/lib/data/dashboard-csv';
import { buildDashboard, type Dashboard } from '@/lib/engine/dashboard';
import type { GetDashboardReply } from '@/lib/features/dashboard/messages';
import { sendToBackground } from '@/lib/messaging/send';
import { PANEL_IN_TAB, sidePanelClientItem } from '@/lib/messaging/side-panel-client';
import { datedFileName, saveFile } from './save-file';

export type DashboardState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; dashboard: Dashboard; timeZone: string; empty: boolean };

/**
 * The dashboard of one account: its clients' histories from the background,
 * counted here, as of the moment the page asked for them.
 */
export function useDashboard(account: string) {
  const [reply, setReply] = useState<{ data: GetDashboardReply; now: number } | { error: string }>();
  useEffect(() => {
    sendToBackground({ type: 'ui/get-dashboard', account })
      .then((data) => setReply({ data, now: Date.now() }))
      .catch((error: unknown) => setReply({ error: String(error) }));
  }, [account]);
  const state = useMemo((): DashboardState => {
    if (!reply) return { kind: 'loading' };
    if ('error' in reply) return { kind: 'failed', error: reply.error };
    const { clients, timeZone } = reply.data;
    const dashboard = buildDashboard({ clients, now: reply.now, timeZone });
    return { kind: 'ready', dashboard, timeZone, empty: clients.every((c) => c.theirContactAt.length === 0) };
  }, [reply]);

  const exportCsv = () => {
    if (state.kind !== 'ready') return;
    const csv = dashboardCsv(state.dashboard, account, state.timeZone);
    saveFile(datedFileName('keepwarm-dashboard', 'csv', new Date(state.dashboard.now)), 'text/csv', csv);
  };
  /** The side panel shows the client: an open panel follows at once, and a tab shows it where no panel is open. */
  const openClient = async (clientKey: string) => {
    await sidePanelClientItem.setValue({ account, clientKey, requestedAt: Date.now() });
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?${PANEL_IN_TAB}`) });
  };
  return { state, exportCsv, openClient };
}
