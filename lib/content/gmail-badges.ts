import { browser } from 'wxt/browser';
import type { RisksChangedNotice } from '@/lib/features/gmail/messages';
import { sendToBackground } from '@/lib/messaging/send';
import { type GmailTab, report } from './gmail-report';
import { RiskBadges } from './risk-badges';

/**
 * The risk badges of a Gmail tab: they ask the background for the risks of the
 * threads on screen, open the client's panel on a click, and are drawn again
 * when the background says this account's risks changed.
 */
export function startGmailBadges({ ctx, account }: GmailTab): RiskBadges {
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
  const onNotice = (notice: RisksChangedNotice) => {
    if (notice?.type === 'background/risks-changed' && notice.account === account()?.address) badges.refresh();
  };
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));
  return badges;
}
