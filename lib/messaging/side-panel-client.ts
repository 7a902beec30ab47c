import { storage } from '#imports';

/** The client a badge click asked the side panel to show. */
export interface SidePanelClientRequest {
  account: string;
  clientKey: string;
  /** When the badge was clicked: a panel opened later than a newer request shows the newer one. */
  requestedAt: number;
  /** The Gmail tab the click came from. */
  tabId?: number;
}

/**
 * Written by the background on a badge click, read (and watched) by the side
 * panel. Session storage: forgotten when the browser closes, never synced.
 */
export const sidePanelClientItem = storage.defineItem<SidePanelClientRequest | null>('session:sidePanelClient', {
  fallback: null,
});

/**
 * The query of the side panel page opened in a tab, where the browser would not
 * open its panel: it shows the clicked client and stays on it, since it is
 * itself the active tab while it is seen.
 */
export const PANEL_IN_TAB = 'in-tab';
