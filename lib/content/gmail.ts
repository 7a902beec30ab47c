import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import type { RisksChangedNotice } from '@/lib/features/gmail/messages';
import { sendToBackground } from '@/lib/messaging/send';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { HealthCounter } from '@/lib/sites/gmail/health';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import type { ThreadRowRecord } from '@/lib/sites/gmail/records';
import { css, queryWithFallbacks } from '@/lib/sites/gmail/selectors';
import { extractThreadRow } from '@/lib/sites/gmail/thread-rows';
import { isBadgeMutation } from './badge-pill';
import { conversationBadgeSpot, type RowReading, rowBadgeSpots } from './badge-spots';
import { createBatcher, waitForElement, watchSubtree } from './dom-watch';
import { receiveGmailData } from './gmail-data';
import { RiskBadges } from './risk-badges';
import { RowTracker } from './row-tracker';

const BATCH_DELAY_MS = 300;

function report(ctx: ContentScriptContext, send: Promise<unknown>): void {
  send.catch((error: unknown) => {
    // A content script left behind by an extension update has no background to talk to.
    if (ctx.isValid) console.warn('Keepwarm: background did not take the observation', error);
  });
}

/**
 * Whether a row is rendered (Gmail hides the views it is not showing). A style
 * check where the browser has one: offsetParent would force a layout of the
 * whole list on every pass.
 */
function isShown(row: HTMLElement): boolean {
  return typeof row.checkVisibility === 'function' ? row.checkVisibility() : row.offsetParent !== null;
}

/**
 * Reads what Gmail shows and tells the background: the account and view on
 * every navigation, new or changed thread rows, the open conversation, and
 * the copies of Gmail's own thread data the page-world observer hands over.
 * Only rows whose fingerprint changed are read again, so a Gmail re-render
 * costs work for what changed, not for the page.
 */
export async function runGmailContentScript(ctx: ContentScriptContext): Promise<void> {
  const account = () => readGmailAccount(new URL(location.href), document);
  const pageLanguage = () => document.documentElement.lang.slice(0, 35);
  // Gmail's own data comes before its list is drawn: listen from the start.
  // Once badges are drawn, what the data stored can give their threads a client.
  let refreshBadges = () => {};
  receiveGmailData(ctx, {
    account,
    pageLanguage,
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
  const rowTracker = new RowTracker();
  const readings = new WeakMap<Element, RowReading>();
  let conversationKey = '';

  const extractContext = (address: string) => ({ myAddresses: [address], now: Date.now() });

  const badges = new RiskBadges(document, {
    ask: async (threadIds) => {
      const address = account()?.address;
      if (!address || !ctx.isValid) return undefined;
      return sendToBackground({ type: 'content/get-thread-risks', account: address, threadIds });
    },
    open: (risk) => {
      const address = account()?.address;
      if (!address) return;
      report(ctx, sendToBackground({ type: 'content/open-client-panel', account: address, clientKey: risk.clientKey }));
    },
  });
  ctx.onInvalidated(() => badges.destroy());
  refreshBadges = () => badges.refresh();
  const onNotice = (notice: RisksChangedNotice) => {
    if (notice?.type === 'background/risks-changed' && notice.account === account()?.address) badges.refresh();
  };
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));
  // What the background has just stored can give threads a client they did not have when first asked.
  const stored = (send: Promise<unknown>) =>
    report(
      ctx,
      send.then(() => ctx.isValid && badges.refresh()),
    );

  let pendingHealth = new HealthCounter();
  // Each row goes with the list it was read in: whether its people are senders or recipients depends on it.
  const rows = createBatcher<{ view: string; row: ThreadRowRecord }>(ctx, BATCH_DELAY_MS, async (read) => {
    const current = account();
    if (!current?.address) return;
    const health = pendingHealth.report();
    pendingHealth = new HealthCounter();
    const byView = Map.groupBy(read, (item) => item.view);
    for (const [view, items] of byView) {
      stored(
        sendToBackground({
          type: 'content/gmail-threads-seen',
          account: { accountPath: current.accountPath, address: current.address },
          pageLanguage: pageLanguage(),
          health,
          view,
          threads: items.map((item) => item.row),
        }),
      );
    }
  });

  const scan = () => {
    const current = account();
    // Until Gmail's title names the account, observations cannot be kept apart per account.
    if (!current?.address) return;
    const context = extractContext(current.address);
    const changed: { view: string; row: ThreadRowRecord }[] = [];
    const view = location.hash.slice(1, 501);
    const visibleRows = [...main.querySelectorAll(`${css('threadList')} ${css('threadRow')}`)].filter(
      (row) => !row.classList.contains('bundle') && isShown(row as HTMLElement),
    );
    for (const row of rowTracker.changed(visibleRows)) {
      const { record, failed } = extractThreadRow(row, context);
      pendingHealth.record(failed);
      readings.set(row, { threadId: record.threadId, failed });
      changed.push({ view, row: record });
    }
    rows.add(changed);

    const { conversation, health } = extractConversation(main, context);
    const container = conversation ? queryWithFallbacks(main, 'conversation') : null;
    badges.render([
      ...rowBadgeSpots(visibleRows, (row) => readings.get(row)).spots,
      ...conversationBadgeSpot(container, conversation?.threadId, health),
    ]);
    if (!conversation) return;
    // The URL is part of the key: the same conversation reached by another link is reported for that tab's new URL.
    const key = `${location.href}|${conversation.threadId}|${conversation.messages.map((m) => m.messageId).join(',')}|${conversation.foldedCount}`;
    if (key === conversationKey) return;
    conversationKey = key;
    stored(
      sendToBackground({
        type: 'content/gmail-conversation-seen',
        account: { accountPath: current.accountPath, address: current.address },
        pageLanguage: pageLanguage(),
        health,
        conversation,
      }),
    );
  };

  const announce = () => {
    const current = account();
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
