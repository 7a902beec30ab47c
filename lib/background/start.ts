import { browser } from 'wxt/browser';
import { listAccounts, recordAccountSeen } from './account-registry';
import { createRouter } from './router';

export function startBackground(): void {
  const router = createRouter({
    'content/gmail-page-seen': async (message) => ({
      accountsKnown: await recordAccountSeen({
        accountPath: message.account.accountPath,
        address: message.account.address,
        lastSeenAt: Date.now(),
        lastView: message.view,
      }),
    }),
    'ui/get-status': async () => ({
      accounts: await listAccounts(),
      rejectedMessages: router.rejectedCount,
    }),
  });

  // Returning the promise is how webextension-polyfill sends an async reply.
  browser.runtime.onMessage.addListener((raw: unknown) => router.route(raw));
}
