import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { attachDeclarativeShadowRoots } from '@/lib/sites/crm/shadow';
import type { CrmAdapter } from '@/lib/sites/crm/types';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { extractThreadList } from '@/lib/sites/gmail/thread-rows';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { readGmailView } from '@/lib/sites/gmail/view';

export interface SavedPage {
  document: Document;
  url: URL;
  me: string[];
  timeZone: string;
  now: number;
}

/** A CRM adapter on a saved page: the record its address names, or why none was read. */
function crmExtractor(adapter: CrmAdapter) {
  return ({ document, url }: SavedPage) => {
    attachDeclarativeShadowRoots(document);
    return { crm: adapter.id, route: adapter.route(url) ?? null, ...extractCrmRecord(adapter, document, url) };
  };
}

/** The extractors the CLI can run on a saved page, by site name. */
export const siteExtractors: Record<string, (page: SavedPage) => unknown> = {
  gmail({ document, url, me, timeZone, now }) {
    const account = readGmailAccount(url, document);
    const myAddresses = [...new Set([...me, ...(account?.address ? [account.address] : [])])];
    const language = document.documentElement.lang;
    const ctx = {
      myAddresses,
      now,
      parseTitleTime: (title: string) => parseTitleTime(title, { timeZone, now, language }),
    };
    const view = readGmailView(url);
    // A conversation view reports on its conversation, even one it cannot find; a list view on its list.
    const opened = view.conversationToken !== undefined;
    const { conversation, health } = extractConversation(document, ctx, { opened });
    if (conversation || opened) return { account: account ?? null, view, conversation, health };
    const list = extractThreadList(document, ctx);
    return { account: account ?? null, view, threads: list.threads, health: list.health };
  },
  ...Object.fromEntries(Object.values(CRM_ADAPTERS).map((adapter) => [adapter.id, crmExtractor(adapter)])),
};
