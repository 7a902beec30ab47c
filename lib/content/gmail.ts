import type { ContentScriptContext } from '#imports';
import { sendToBackground } from '@/lib/messaging/send';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import { isBadgeMutation } from './badge-pill';
import { waitForElement, watchSubtree } from './dom-watch';
import { startGmailBadges } from './gmail-badges';
import { receiveGmailData } from './gmail-data';
import { type GmailTab, report } from './gmail-report';
import { createGmailScan } from './gmail-scan';

/**
 * Reads what Gmail shows and tells the background: the account and view on
 * every navigation, new or changed thread rows, the open conversation, and
 * the copies of Gmail's own thread data the page-world observer hands over.
 */
export async function runGmailContentScript(ctx: ContentScriptContext): Promise<void> {
  const tab: GmailTab = {
    ctx,
    account: () => readGmailAccount(new URL(location.href), document),
    pageLanguage: () => document.documentElement.lang.slice(0, 35),
  };
  // Gmail's own data comes before its list is drawn: listen from the start.
  // Once badges are drawn, what the data stored can give their threads a client.
  let refreshBadges = () => {};
  receiveGmailData(ctx, {
    account: tab.account,
    pageLanguage: tab.pageLanguage,
    isDataUrl: isGmailDataUrl,
    parse: (text, { url }) => parseGmailData(text, { url, accountPath: location.pathname }),
    send: (message) =>
      report(
        ctx,
        sendToBackground(message).then(() => ctx.isValid && refreshBadges()),
      ),
  });

  const firstMain = await waitForElement(ctx, document, '[role=main]');
  // In Gmail each view under `div.aeF` can carry its own [role=main] and views are
  // swapped on navigation, so watch their common container, not one view.
  const main = firstMain.closest('.aeF') ?? firstMain;
  const badges = startGmailBadges(tab);
  refreshBadges = () => badges.refresh();
  // What the background has just stored can give threads a client they did not have when first asked.
  const stored = (send: Promise<unknown>) =>
    report(
      ctx,
      send.then(() => ctx.isValid && badges.refresh()),
    );
  const scan = createGmailScan(tab, { main, badges, stored });

  const announce = () => {
    const current = tab.account();
    if (!current) return;
    report(ctx, sendToBackground({ type: 'content/gmail-page-seen', account: current, view: location.hash.slice(1) }));
  };

  announce();
  scan();
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    announce();
    scan();
  });
  ctx.addEventListener(window, 'hashchange', scan);
  watchSubtree(ctx, main, scan, isBadgeMutation);
}
