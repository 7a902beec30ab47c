import { defineContentScript } from 'wxt/utils/define-content-script';
import { observeGmailData } from '@/lib/content/gmail-data-observer';
import { isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';

// Gmail's own world, before Gmail's code runs: copies of the thread data
// Gmail receives, handed to the isolated content script. No extension API is
// reachable from here, and the bundle is anonymous so it adds no global to
// the page.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    observeGmailData(window, isGmailDataUrl);
  },
});
