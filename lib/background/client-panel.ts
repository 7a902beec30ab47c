import { browser } from 'wxt/browser';
import { type SidePanelClientRequest, sidePanelClientItem } from '@/lib/messaging/side-panel-client';

/** Firefox's sidebar, absent from Chrome's typings. */
type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

function openPanel(tabId: number | undefined): Promise<void> {
  // Chrome builds ask for `sidePanel` in the manifest; Firefox builds have none and use their sidebar.
  if (browser.sidePanel && tabId !== undefined) return browser.sidePanel.open({ tabId });
  // Firefox may refuse a call that came through a message rather than its own click handler.
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('this browser has no side panel'));
}

/** Opens the side panel, which then follows what the tab shows; the same user-gesture rule applies. */
export function openTabPanel(tabId: number | undefined): Promise<boolean> {
  return openPanel(tabId).then(
    () => true,
    (error: unknown) => {
      console.warn('Keepwarm: could not open the side panel', error);
      return false;
    },
  );
}

/**
 * Opens the side panel on the client of a clicked badge. The panel must be
 * opened before anything is awaited: the click's user gesture, which
 * sidePanel.open requires, does not survive an await.
 */
export async function openClientPanel(request: SidePanelClientRequest): Promise<boolean> {
  const opening = openTabPanel(request.tabId);
  await sidePanelClientItem.setValue(request);
  return opening;
}
