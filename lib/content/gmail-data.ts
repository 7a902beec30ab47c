import type { ContentScriptContext } from '#imports';
import type { ContentGmailDataSeen } from '@/lib/features/gmail/messages';
import type { GmailAccountRef } from '@/lib/sites/gmail/account';
import { GMAIL_DATA_EVENT, GMAIL_DATA_READY_EVENT } from './gmail-data-channel';
import { GmailDataReceiver, type GmailDataReceiverOptions } from './gmail-data-receiver';

const BATCH_DELAY_MS = 300;
// The address can come later than the data (Gmail writes the title after its
// first-load data): what was read waits, bounded, and is sent once it is known.
const ACCOUNT_RETRY_MS = 1000;

export interface GmailDataWiring {
  /** The tab's own account as the page shows it; the data of any other is never sent. */
  account: () => GmailAccountRef | undefined;
  pageLanguage: () => string;
  isDataUrl: GmailDataReceiverOptions['isDataUrl'];
  parse: GmailDataReceiverOptions['parse'];
  /** Hands the message to the background. */
  send: (message: ContentGmailDataSeen) => void;
}

/**
 * Listens on the channel for the tab's life, then says it listens, so the
 * page-world observer hands over what it held since document_start. Sends
 * what was read in batches, only as the tab's own account.
 */
export function receiveGmailData(ctx: ContentScriptContext, wiring: GmailDataWiring): void {
  let timer: number | undefined;
  const sendBatch = () => {
    timer = undefined;
    const current = wiring.account();
    if (!current?.address) {
      timer = ctx.setTimeout(sendBatch, ACCOUNT_RETRY_MS);
      return;
    }
    const batch = receiver.take();
    if (!batch) return;
    wiring.send({
      type: 'content/gmail-data-seen',
      account: { accountPath: current.accountPath, address: current.address },
      pageLanguage: wiring.pageLanguage(),
      ...batch,
    });
  };
  const receiver = new GmailDataReceiver({
    pageUrl: () => location.href,
    isDataUrl: wiring.isDataUrl,
    parse: wiring.parse,
    now: () => Date.now(),
    defer: (task) => ctx.setTimeout(task, 0),
    onReady: () => {
      if (timer === undefined) timer = ctx.setTimeout(sendBatch, BATCH_DELAY_MS);
    },
  });
  ctx.addEventListener(document, GMAIL_DATA_EVENT, (event) => receiver.receive((event as CustomEvent).detail));
  document.dispatchEvent(new CustomEvent(GMAIL_DATA_READY_EVENT));
}
