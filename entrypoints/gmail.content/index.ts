import { defineContentScript } from 'wxt/utils/define-content-script';
import { runGmailContentScript } from '@/lib/content/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main: runGmailContentScript,
});
