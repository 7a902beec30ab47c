import { sendToBackground } from '@/lib/messaging/send';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { HealthCounter } from '@/lib/sites/gmail/health';
import type { ThreadRowRecord } from '@/lib/sites/gmail/records';
import { css, queryWithFallbacks } from '@/lib/sites/gmail/selectors';
import { extractThreadRow } from '@/lib/sites/gmail/thread-rows';
import { conversationBadgeSpot, type RowReading, rowBadgeSpots } from './badge-spots';
import { createBatcher } from './dom-watch';
import type { GmailTab } from './gmail-report';
import type { RiskBadges } from './risk-badges';
import { RowTracker } from './row-tracker';

const BATCH_DELAY_MS = 300;

/**
 * Whether a row is rendered (Gmail hides the views it is not showing). A style
 * check where the browser has one: offsetParent would force a layout of the
 * whole list on every pass.
 */
function isShown(row: HTMLElement): boolean {
  return typeof row.checkVisibility === 'function' ? row.checkVisibility() : row.offsetParent !== null;
}

interface ScanDeps {
  /** The views' common container, watched for Gmail's re-renders. */
  main: Element;
  badges: RiskBadges;
  /** Sends an observation, then redraws the badges it may give a client. */
  stored: (send: Promise<unknown>) => void;
}

/**
 * One pass over what Gmail shows: reads the new or changed thread rows (sent in
 * batches, each with the list it was read in), draws the badges, and reports the
 * open conversation when it changed. Only rows whose fingerprint changed are
 * read again, so a Gmail re-render costs work for what changed, not for the page.
 */
export function createGmailScan({ ctx, account, pageLanguage }: GmailTab, { main, badges, stored }: ScanDeps) {
  const rowTracker = new RowTracker();
  const readings = new WeakMap<Element, RowReading>();
  let conversationKey = '';
  const extractContext = (address: string) => ({ myAddresses: [address], now: Date.now() });

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

  return () => {
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
}
