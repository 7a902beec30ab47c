// Keys in browser.storage.session shared by the background, the Gmail badge
// and the side panel (session storage: gone when the browser closes, like the
// tabs it describes).

/** The client whose badge the user clicked last: the side panel shows it. */
export const SIDE_PANEL_CLIENT_KEY = 'sidePanelClient';

export interface SidePanelClient {
  account: string;
  clientKey: string;
}

/** The conversation a Gmail tab shows, as its content script last reported it. */
export interface OpenConversation {
  url: string;
  account: string;
  threadId: string;
}

export const openConversationKey = (tabId: number) => `gmailTab:${tabId}`;

/**
 * What the background last answered for the CRM record a tab shows: its known
 * client, or the one domain or address it names that is no client yet.
 */
export type CrmTabClient = { url: string } & ({ account: string; clientKey: string } | { candidate: string });

export const CRM_TAB_PREFIX = 'crmTab:';
export const crmTabKey = (tabId: number) => `${CRM_TAB_PREFIX}${tabId}`;
