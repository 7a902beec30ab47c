import type { ContentScriptContext } from '#imports';
import type { GmailAccountRef } from '@/lib/sites/gmail/account';

/** What every part of the Gmail content script reads of the tab it runs in. */
export interface GmailTab {
  ctx: ContentScriptContext;
  /** The account the tab shows, read again each time: Gmail's title names it only once loaded. */
  account: () => GmailAccountRef | undefined;
  pageLanguage: () => string;
}

/** Sends without waiting, and says so when the background did not take it. */
export function report(ctx: ContentScriptContext, send: Promise<unknown>): void {
  send.catch((error: unknown) => {
    // A content script left behind by an extension update has no background to talk to.
    if (ctx.isValid) console.warn('Keepwarm: background did not take the observation', error);
  });
}
