import { browser } from 'wxt/browser';
import type { ToBackground } from '@/lib/messaging/schemas';
import { crmTabKey, type OpenConversation, openConversationKey } from '@/lib/messaging/session-keys';

// Gmail's URL names an open conversation by an opaque token, not its thread
// id; the content script reads the id from the page. Remembering, per tab,
// which conversation it reported lets the side panel follow the active tab.

type ConversationSeen = Extract<ToBackground, { type: 'content/gmail-conversation-seen' }>;

function isRefusal(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && 'refused' in reply;
}

/** Called with the router's reply: a message the router accepted was valid, so its fields can be read. */
export async function rememberOpenConversation(
  raw: unknown,
  reply: unknown,
  tab: { id?: number; url?: string } | undefined,
): Promise<void> {
  if (isRefusal(reply) || tab?.id === undefined || !tab.url) return;
  if ((raw as { type?: unknown }).type !== 'content/gmail-conversation-seen') return;
  const message = raw as ConversationSeen;
  const threadId = message.conversation.threadId;
  if (!threadId) return;
  const record: OpenConversation = { url: tab.url, account: message.account.address, threadId };
  await browser.storage.session.set({ [openConversationKey(tab.id)]: record });
}

export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove([openConversationKey(tabId), crmTabKey(tabId)]);
  });
}
