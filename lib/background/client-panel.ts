import { browser } from 'wxt/browser';
import { PANEL_IN_TAB, type SidePanelClientRequest, sidePanelClientItem } from '@/lib/messaging/side-panel-client';

/** Where a click asked for the panel: the tab it came from. */
export interface PanelPlace {
  tabId?: number;
  windowId?: number;
  tabIndex?: number;
}

/** How the panel was shown: opened, already open, or as a page in a tab beside the clicked one. */
export type PanelShown = 'panel' | 'sidebar-open' | 'tab';

/** The browser APIs the panel needs; Firefox's sidebar is absent from Chrome's typings. */
export interface PanelApi {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void>; isOpen(details: { windowId?: number }): Promise<boolean> };
  tabs: {
    create(properties: {
      url: string;
      active: boolean;
      windowId?: number;
      index?: number;
      openerTabId?: number;
    }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
}

/** The place of the tab a content script's message came from. */
export function panelPlace(tab: { id?: number; windowId?: number; index?: number } | undefined): PanelPlace {
  return { tabId: tab?.id, windowId: tab?.windowId, tabIndex: tab?.index };
}

const browserApi = browser as unknown as PanelApi;

function openPanel(api: PanelApi, tabId: number | undefined): Promise<void> {
  // Chrome builds ask for `sidePanel` in the manifest; Firefox builds have none and use their sidebar.
  if (api.sidePanel && tabId !== undefined) return api.sidePanel.open({ tabId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel'));
}

/**
 * Shows the panel where the browser lets it. Firefox opens its sidebar only
 * from its own click handlers, never from a badge's click relayed by a message:
 * an open sidebar follows the clicked client by itself, and otherwise the same
 * page opens in a tab beside the clicked one, so a click is never lost.
 */
async function show(api: PanelApi, place: PanelPlace, opening: Promise<void>): Promise<PanelShown> {
  try {
    await opening;
    return 'panel';
  } catch (error) {
    const open = await api.sidebarAction?.isOpen({ windowId: place.windowId }).catch(() => false);
    if (open) return 'sidebar-open';
    console.info('Keepwarm: the side panel did not open; showing it in a tab', error);
    await api.tabs.create({
      url: api.runtime.getURL(`/sidepanel.html?${PANEL_IN_TAB}`),
      active: true,
      windowId: place.windowId,
      index: place.tabIndex === undefined ? undefined : place.tabIndex + 1,
      openerTabId: place.tabId,
    });
    return 'tab';
  }
}

function reported(showing: Promise<PanelShown>): Promise<PanelShown | undefined> {
  return showing.catch((error: unknown) => {
    console.warn('Keepwarm: could not show the side panel', error);
    return undefined;
  });
}

/** Shows the side panel, which then follows what the tab shows. Called within the click's user gesture. */
export function openTabPanel(place: PanelPlace, api: PanelApi = browserApi): Promise<PanelShown | undefined> {
  return reported(show(api, place, openPanel(api, place.tabId)));
}

/**
 * Shows the side panel on the client of a clicked badge. The panel must be
 * opened before anything is awaited: the click's user gesture, which
 * sidePanel.open requires, does not survive an await. The client is stored
 * before a fallback tab opens, so the page finds it when it starts.
 */
export async function openClientPanel(
  request: SidePanelClientRequest,
  place: PanelPlace,
  api: PanelApi = browserApi,
): Promise<PanelShown | undefined> {
  const opening = openPanel(api, place.tabId);
  // Rejected later in show(); caught here too so it is never reported as unhandled meanwhile.
  opening.catch(() => undefined);
  await sidePanelClientItem.setValue(request);
  return reported(show(api, place, opening));
}
