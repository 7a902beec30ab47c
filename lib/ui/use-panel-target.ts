import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  type OpenConversation,
  openConversationKey,
  SIDE_PANEL_CLIENT_KEY,
  type SidePanelClient,
} from '@/lib/messaging/session-keys';
import { isSidePanelClient, type PanelTarget, targetOfTab } from './side-panel-target';

async function activeTabTarget(): Promise<PanelTarget> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'overview' };
  const key = openConversationKey(tab.id);
  const reported = (await browser.storage.session.get(key))[key] as OpenConversation | undefined;
  return targetOfTab(tab.url, reported);
}

/**
 * Follows the active tab; a badge click (or a pick in the panel) shows that
 * client until the tab opens another conversation.
 */
export function usePanelTarget(): { target: PanelTarget; choose: (client: SidePanelClient | undefined) => void } {
  const [fromTab, setFromTab] = useState<PanelTarget>({ kind: 'reading' });
  const [chosen, setChosen] = useState<SidePanelClient | undefined>();

  const refresh = useCallback(async (initial: boolean) => {
    const target = await activeTabTarget();
    setFromTab(target);
    if (target.kind !== 'overview') setChosen(undefined);
    else if (initial) {
      const stored = (await browser.storage.session.get(SIDE_PANEL_CLIENT_KEY))[SIDE_PANEL_CLIENT_KEY];
      if (isSidePanelClient(stored)) setChosen(stored);
    }
  }, []);

  useEffect(() => {
    void refresh(true);
    const onTab = () => void refresh(false);
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url !== undefined || change.status === 'complete') onTab();
    };
    const onSession = (changes: Record<string, { newValue?: unknown }>) => {
      const picked = changes[SIDE_PANEL_CLIENT_KEY]?.newValue;
      if (isSidePanelClient(picked)) setChosen(picked);
      if (Object.keys(changes).some((key) => key.startsWith('gmailTab:'))) onTab();
    };
    browser.tabs.onActivated.addListener(onTab);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.session.onChanged.addListener(onSession);
    return () => {
      browser.tabs.onActivated.removeListener(onTab);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.session.onChanged.removeListener(onSession);
    };
  }, [refresh]);

  const target: PanelTarget = chosen ? { kind: 'client', ...chosen } : fromTab;
  return { target, choose: setChosen };
}
