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

/** The known client of the CRM record a tab shows, as the background last answered it. */
export interface CrmTabClient {
  url: string;
  account: string;
  clientKey: string;
}

export const crmTabKey = (tabId: number) => `crmTab:${tabId}`;
