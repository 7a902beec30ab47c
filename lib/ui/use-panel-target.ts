import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  CRM_TAB_PREFIX,
  type CrmTabClient,
  crmTabKey,
  type OpenConversation,
  openConversationKey,
  SIDE_PANEL_CLIENT_KEY,
  type SidePanelClient,
} from '@/lib/messaging/session-keys';
import { PANEL_IN_TAB } from '@/lib/messaging/side-panel-client';
import { isSidePanelClient, type PanelTarget, targetOfTab } from './side-panel-target';

async function activeTabTarget(): Promise<{ target: PanelTarget; crmKey?: string }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { target: { kind: 'overview' } };
  const key = openConversationKey(tab.id);
  const crmKey = crmTabKey(tab.id);
  const stored = await browser.storage.session.get([key, crmKey]);
  const crmRecord = stored[crmKey] as CrmTabClient | undefined;
  return { target: targetOfTab(tab.url, stored[key] as OpenConversation | undefined, crmRecord), crmKey };
}

async function clickedClient(): Promise<SidePanelClient | undefined> {
  const stored = (await browser.storage.session.get(SIDE_PANEL_CLIENT_KEY))[SIDE_PANEL_CLIENT_KEY];
  return isSidePanelClient(stored) ? stored : undefined;
}

/**
 * Follows the active tab; a badge click (or a pick in the panel) shows that
 * client until the tab opens another conversation or CRM record.
 */
export function usePanelTarget(): {
  target: PanelTarget;
  /** The target is a client the user picked, not the active tab's: going back is possible. */
  picked: boolean;
  choose: (client: SidePanelClient | undefined) => void;
} {
  const [fromTab, setFromTab] = useState<PanelTarget>({ kind: 'reading' });
  const [chosen, setChosen] = useState<SidePanelClient | undefined>();

  const inTab = new URLSearchParams(location.search).has(PANEL_IN_TAB);
  // Reads of the active tab can answer out of order (a tab switched while the first one is still reading):
  // only the latest applies, carrying what the ones it overtook were asked for.
  const latest = useRef({ ticket: 0, initial: false, changedKeys: new Set<string>() });
  const refresh = useCallback(async (initial: boolean, changedKeys: string[] = []) => {
    const asked = latest.current;
    const ticket = ++asked.ticket;
    asked.initial ||= initial;
    for (const key of changedKeys) asked.changedKeys.add(key);
    const { target, crmKey } = await activeTabTarget();
    // Both set after the last await, so they render together: a panel opened from a badge never shows
    // (and never reads) the overview before the clicked client.
    const clicked = asked.initial && target.kind === 'overview' ? await clickedClient() : undefined;
    if (ticket !== asked.ticket) return;
    const changed = asked.changedKeys;
    asked.initial = false;
    asked.changedKeys = new Set();
    setFromTab(target);
    // A CRM tab that moved on to a record of no known client must not keep showing the last one clicked.
    if (target.kind !== 'overview' || (crmKey && changed.has(crmKey))) setChosen(undefined);
    else if (clicked) setChosen(clicked);
  }, []);

  useEffect(() => {
    const onTab = () => void refresh(false);
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url !== undefined || change.status === 'complete') onTab();
    };
    const onSession = (changes: Record<string, { newValue?: unknown }>) => {
      const picked = changes[SIDE_PANEL_CLIENT_KEY]?.newValue;
      if (isSidePanelClient(picked)) setChosen(picked);
      const keys = Object.keys(changes);
      if (!inTab && keys.some((key) => key.startsWith('gmailTab:') || key.startsWith(CRM_TAB_PREFIX)))
        void refresh(false, keys);
    };
    // A panel page in a tab of its own shows clicked clients only: following the active tab would
    // lose the client as soon as the user looks at another tab.
    if (!inTab) {
      browser.tabs.onActivated.addListener(onTab);
      browser.tabs.onUpdated.addListener(onUpdated);
    }
    browser.storage.session.onChanged.addListener(onSession);
    // Read the active tab only once the listeners are in place: a tab switched between the read and
    // the listening would otherwise leave the panel on the tab it was opened over.
    void refresh(true);
    return () => {
      browser.tabs.onActivated.removeListener(onTab);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.session.onChanged.removeListener(onSession);
    };
  }, [refresh, inTab]);

  const target: PanelTarget = chosen ? { kind: 'client', ...chosen } : fromTab;
  return { target, picked: chosen !== undefined, choose: setChosen };
}
