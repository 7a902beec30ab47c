import { browser } from 'wxt/browser';
import { forgetLearning, learnFromAnswer, watchClient } from '@/lib/background/crm-learning';
import { type ReadPageApi, readPageInTab } from '@/lib/background/crm-read-page';
import { answerCrmRecord } from '@/lib/background/crm-records';
import { type CrmSitesApi, createCrmSites } from '@/lib/background/crm-sites';
import { rememberCrmRecord, tabsShowing } from '@/lib/background/crm-tabs';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { StorageFullError } from '@/lib/data/storage-problem';
import { CRM_CHANGED_NOTICE } from '@/lib/messaging/crm-changed';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { crmMessages, crmReplies } from './messages';

type CrmHandlers = HandlersOf<typeof crmMessages, typeof crmReplies>;

export function crmFeature({ db, storage, reports }: BackgroundServices): BackgroundFeature<CrmHandlers> {
  const crmSites = createCrmSites({
    storage: browser.storage.local,
    permissions: browser.permissions,
    scripting: browser.scripting,
  } as unknown as CrmSitesApi);

  const refreshAccount = (account: string) =>
    reports
      .refreshAccount(account)
      .catch((error: unknown) => console.error('Keepwarm: could not recompute after a CRM page', error));

  const askCrmTabsAgain = async (clientKey: string) => {
    for (const tabId of await tabsShowing(browser.storage.session, clientKey)) {
      browser.tabs.sendMessage(tabId, { type: CRM_CHANGED_NOTICE }).catch(() => undefined);
    }
  };

  const handlers: CrmHandlers = {
    'content/crm-record-seen': async (message, sender) => {
      const reply = await answerCrmRecord(db, message.extraction);
      await rememberCrmRecord(browser.storage.session, sender.tab, reply);
      // The badge is answered even when storage is full: only what the page teaches waits for space.
      const learnt = storage.pausingPageWrites()
        ? undefined
        : await storage
            .guard('page', () => learnFromAnswer(db, message.extraction, reply, Date.now()))
            .catch((error: unknown) => {
              if (error instanceof StorageFullError) return undefined;
              throw error;
            });
      if (learnt?.change === 'history') reports.schedule(learnt.account, [`${learnt.account}|${learnt.clientKey}`]);
      // A new address or domain moves mail between clients: every report of the account may change.
      if (learnt?.change === 'identity') void refreshAccount(learnt.account);
      return reply;
    },
    'ui/get-crm-sites': async () => ({ sites: await crmSites.list() }),
    'ui/read-page': (message) => readPageInTab(browser as unknown as ReadPageApi, message.tabId),
    'ui/set-crm-site': async (message) => {
      await crmSites.set(message.crm, message.enabled, message.address);
      return { saved: true as const };
    },
    'ui/watch-client': async ({ account, clientKey }) => {
      await storage.guard('correction', () => watchClient(db, account, clientKey, Date.now()));
      await reports.refreshAccount(account);
      await askCrmTabsAgain(clientKey);
      return { saved: true as const };
    },
    'ui/forget-crm-learning': async ({ account, clientKey }) => {
      await storage.guard('correction', () => forgetLearning(db, account, clientKey));
      await reports.refreshAccount(account);
      await askCrmTabsAgain(clientKey);
      return { saved: true as const };
    },
  };
  return {
    handlers,
    start: () => {
      void crmSites.sync().catch((error: unknown) => console.warn('Keepwarm: CRM scripts not restored', error));
    },
  };
}
