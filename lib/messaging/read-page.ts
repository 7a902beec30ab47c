/** The background's request to the CRM content script it injected into a tab: read this page now. */
export const READ_PAGE_MESSAGE = 'keepwarm/read-page';

export interface ReadPageReply {
  /** Whether the page showed a record or any address to match. */
  read: boolean;
}
