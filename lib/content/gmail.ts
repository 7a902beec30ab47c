import type { ContentScriptContext } from '#imports';
import { sendToBackground } from '@/lib/messaging/send';
import { readGmailAccount } from '@/lib/sites/gmail/account';

/** Tells the background which Gmail account and view this tab shows, on load and on every in-app navigation. */
export function runGmailContentScript(ctx: ContentScriptContext): void {
  const report = () => {
    const account = readGmailAccount(new URL(location.href), document.title);
    if (!account) return;
    sendToBackground({ type: 'content/gmail-page-seen', account, view: location.hash.slice(1) }).catch(
      (error: unknown) => {
        // A stale content script after an extension update has no background to talk to.
        if (ctx.isValid) console.warn('Keepwarm: background did not answer', error);
      },
    );
  };
  report();
  ctx.addEventListener(window, 'wxt:locationchange', report);
}
