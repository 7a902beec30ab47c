import { browser } from 'wxt/browser';
import { createBackupAssembler } from '@/lib/data/backup-parts';
import { createTeamFeature } from '@/lib/features/team/handlers';
import { createTeamView } from '@/lib/features/team/team-view-handlers';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { CRM_CHANGED_NOTICE } from '@/lib/messaging/crm-changed';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { openKeepwarmDb } from '@/lib/store/db';
import { pendingOf } from '@/lib/store/pending-recompute';
import { RETENTION_RUN_KEY } from '@/lib/store/retention-run';
import { STORAGE_PROBLEM_KEY, StorageFullError } from '@/lib/store/storage-problem';
import { recordAccountSeen } from './account-registry';
import { setClientOverride, setSplitAddress } from './client-overrides';
import { openClientPanel, openTabPanel, panelPlace } from './client-panel';
import { forgetLearning, learnFromAnswer, watchClient } from './crm-learning';
import { type ReadPageApi, readPageInTab } from './crm-read-page';
import { answerCrmRecord } from './crm-records';
import { type CrmSitesApi, createCrmSites } from './crm-sites';
import { rememberCrmRecord, tabsShowing } from './crm-tabs';
import { DIGEST_ALARM, listenToDigestClicks, showDailyDigest, syncDigestAlarm } from './daily-digest';
import { eraseAccountData, eraseAllData, importBackup } from './data-admin';
import { engineContext } from './engine-context';
import { recordFollowUpDecision } from './follow-up-decisions';
import { storeGmailData } from './gmail-data';
import { listContext, type PageContext, storeConversation, storeThreadRows } from './gmail-observations';
import { storeImportBatch } from './mailbox-import';
import { forgetClosedTabs, rememberOpenConversation } from './open-conversations';
import { countClientsWaitingOnUs, recomputeAccount, recomputeClients } from './recompute';
import { reindexClientRefs } from './reindex';
import { RETENTION_ALARM, RETENTION_PERIOD_MINUTES, runRetention } from './retention';
import { createRiskNotices } from './risk-notices';
import { createRouter } from './router';
import { createKeyedDebouncer } from './scheduler';
import { changesReports } from './settings-change';
import { readUserSettings, saveUserSettings } from './settings-store';
import { createStorageHealth } from './storage-health';
import { threadRisks } from './thread-risks';
import { watchedAccounts } from './watched-accounts';

const RECOMPUTE_DELAY_MS = 1500;
// An import's batches touch most clients, so each recompute in between would be
// a full one over everything stored so far, holding up the next batch's write:
// on a slow machine a large import then recomputes again and again. Waiting
// this long after a batch lets the import end first; the page says when it
// ended, and only a page closed mid-import leaves the whole wait.
const IMPORT_RECOMPUTE_DELAY_MS = 10_000;
const REFRESH_ALARM = 'keepwarm-refresh';
// Waiting times grow while the browser sits idle; refresh the reports and badge this often.
const REFRESH_MINUTES = 15;

export function startBackground(): void {
  const db = openKeepwarmDb();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const storage = createStorageHealth({
    read: async () => (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY],
    write: (problem) =>
      problem
        ? browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: problem })
        : browser.storage.local.remove(STORAGE_PROBLEM_KEY),
  });

  const teamView = createTeamView({ db, local: browser.storage.local });
  const team = createTeamFeature({
    openReplica: teamView.openReplica,
    local: browser.storage.local,
    reports: async () => (await db.clients.toArray()).map((client) => client.report),
    hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
  });
  team.start().catch((error: unknown) => console.error('Keepwarm: could not connect to the team server', error));

  const updateBadge = async () => {
    // Every recompute ends here: the team's copy of the summaries follows.
    team.publishSoon();
    const waiting = await countClientsWaitingOnUs(db);
    await browser.action.setBadgeText({ text: waiting > 0 ? String(waiting) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#c5221f' });
  };
  const riskNotices = createRiskNotices((tabId, notice) => browser.tabs.sendMessage(tabId, notice));
  const recompute = createKeyedDebouncer(RECOMPUTE_DELAY_MS, async (account, touched) => {
    await storage.guard('recompute', () => recomputeClients(db, account, touched, Date.now()));
    await updateBadge();
    await riskNotices.notify(account);
  });

  const recomputeAll = async () => {
    for (const account of await db.accounts.toArray()) {
      await storage.guard('recompute', () => recomputeAccount(db, account.address, Date.now()));
    }
    await updateBadge();
    await riskNotices.notifyAll();
  };

  // Clears old snippets and forgets old mail as the settings say; the outcome is kept for the options page.
  const applyRetention = async () => {
    const run = await runRetention(db, Date.now(), {
      recompute: async (account, refs) => {
        await storage.guard('recompute', () => recomputeClients(db, account, refs, Date.now()));
      },
      guard: (write) => storage.guard('retention', write),
    });
    if ('error' in run) console.error('Keepwarm: retention cleanup did nothing', run.error);
    await browser.storage.local.set({ [RETENTION_RUN_KEY]: run });
    await updateBadge();
    await riskNotices.notifyAll();
  };

  const recomputeAndNotify = async (account: string) => {
    await recomputeAccount(db, account, Date.now());
    await updateBadge();
    await riskNotices.notify(account);
  };
  const refreshAccount = (account: string) =>
    recomputeAndNotify(account).catch((error: unknown) =>
      console.error('Keepwarm: could not recompute after a CRM page', error),
    );

  const askCrmTabsAgain = async (clientKey: string) => {
    for (const tabId of await tabsShowing(browser.storage.session, clientKey)) {
      browser.tabs.sendMessage(tabId, { type: CRM_CHANGED_NOTICE }).catch(() => undefined);
    }
  };

  const pageContext = async (
    account: { accountPath: string; address: string },
    pageLanguage: string,
    health: PageContext['health'],
  ): Promise<PageContext> => {
    const now = Date.now();
    return {
      account: account.address,
      identity: (await engineContext(db, account.address)).identity,
      accountPath: account.accountPath,
      health,
      now,
      parseTitle: (title) => parseTitleTime(title, { timeZone, now, language: pageLanguage }),
    };
  };

  const crmSites = createCrmSites({
    storage: browser.storage.local,
    permissions: browser.permissions,
    scripting: browser.scripting,
  } as unknown as CrmSitesApi);
  void crmSites.sync().catch((error: unknown) => console.warn('Keepwarm: CRM scripts not restored', error));
  const backupParts = createBackupAssembler();

  const router = createRouter(
    {
      ...team.handlers,
      ...teamView.handlers,
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
        if (learnt?.change === 'history') recompute.schedule(learnt.account, [`${learnt.account}|${learnt.clientKey}`]);
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
      'content/gmail-page-seen': async (message) => ({
        accountsKnown: await recordAccountSeen({
          accountPath: message.account.accountPath,
          address: message.account.address,
          lastSeenAt: Date.now(),
          lastView: message.view,
        }),
      }),
      'content/gmail-threads-seen': async (message, sender) => {
        riskNotices.remember(message.account.address, sender.tab?.id);
        if (storage.pausingPageWrites()) return { stored: 0 };
        const page = await pageContext(message.account, message.pageLanguage, message.health);
        const list = message.view === undefined ? undefined : listContext(message.view, message.pageLanguage, page.now);
        const touched = await storage.guard('page', () => storeThreadRows(db, message.threads, page, list));
        if (touched.size > 0) recompute.schedule(page.account, touched);
        return { stored: message.threads.length };
      },
      'content/gmail-conversation-seen': async (message, sender) => {
        riskNotices.remember(message.account.address, sender.tab?.id);
        if (storage.pausingPageWrites()) return { stored: 0 };
        const page = await pageContext(message.account, message.pageLanguage, message.health);
        const touched = await storage.guard('page', () => storeConversation(db, message.conversation, page));
        if (touched.size > 0) recompute.schedule(page.account, touched);
        return { stored: message.conversation.messages.length };
      },
      'content/gmail-data-seen': async (message, sender) => {
        riskNotices.remember(message.account.address, sender.tab?.id);
        if (storage.pausingPageWrites()) return { stored: 0 };
        const page = {
          account: message.account.address,
          identity: (await engineContext(db, message.account.address)).identity,
          accountPath: message.account.accountPath,
          health: message.health,
          now: Date.now(),
        };
        const touched = await storage.guard('page', () => storeGmailData(db, message.threads, page));
        if (touched.size > 0) recompute.schedule(page.account, touched);
        return { stored: message.threads.length };
      },
      'content/get-thread-risks': async ({ account, threadIds }, sender) => {
        riskNotices.remember(account, sender.tab?.id);
        const { language } = await readUserSettings(db);
        const translator = createTranslator(resolveLanguage(language, navigator.languages));
        const risks = await threadRisks(db, account, threadIds, translator);
        return { ...risks, threads: await teamView.badgesInScope(risks.threads, translator) };
      },
      // No await before openClientPanel: it must call sidePanel.open within the click's user gesture.
      'content/open-client-panel': async ({ account, clientKey }, sender) => ({
        opened:
          (await openClientPanel(
            { account, clientKey, requestedAt: Date.now(), tabId: sender.tab?.id },
            panelPlace(sender.tab),
          )) !== undefined,
      }),
      'content/open-side-panel': async (_message, sender) => ({
        opened: (await openTabPanel(panelPlace(sender.tab))) !== undefined,
      }),
      'ui/watch-client': async ({ account, clientKey }) => {
        await storage.guard('correction', () => watchClient(db, account, clientKey, Date.now()));
        await recomputeAndNotify(account);
        await askCrmTabsAgain(clientKey);
        return { saved: true as const };
      },
      'ui/forget-crm-learning': async ({ account, clientKey }) => {
        await storage.guard('correction', () => forgetLearning(db, account, clientKey));
        await recomputeAndNotify(account);
        await askCrmTabsAgain(clientKey);
        return { saved: true as const };
      },
      'ui/set-follow-up': async ({ type: _, ...decision }) => {
        await storage.guard('follow-up', () => recordFollowUpDecision(db, decision, Date.now()));
        recompute.schedule(decision.account, [`${decision.account}|${decision.clientKey}`]);
        return { saved: true as const };
      },
      'ui/get-status': async () => ({
        accounts: await watchedAccounts(db),
        rejectedMessages: router.rejectedCount,
      }),
      'ui/import-batch': async ({ account, messages, moves }) => {
        const { identity } = await engineContext(db, account);
        const { touched, ...stored } = await storage.guard('import', () =>
          storeImportBatch(db, { account, messages, moves }, Date.now(), identity),
        );
        if (touched.size > 0) recompute.schedule(account, touched, IMPORT_RECOMPUTE_DELAY_MS);
        return stored;
      },
      'ui/import-ended': async ({ account }) => {
        // From the stored marks, so batches stored before a stopped worker started again count too.
        const refs = (await pendingOf(db, account)).map((p) => p.ref);
        if (refs.length > 0) recompute.schedule(account, refs);
        return { scheduled: true as const };
      },
      'ui/get-settings': async () => ({ settings: await readUserSettings(db) }),
      'ui/set-settings': async ({ settings }) => {
        const before = await readUserSettings(db);
        const after = await storage.guard('settings', () => saveUserSettings(db, settings, Date.now()));
        // Aliases and internal domains decide which stored messages involve which client.
        for (const account of await db.accounts.toArray()) {
          const address = account.address;
          if (JSON.stringify(before.accounts[address]) !== JSON.stringify(after.accounts[address])) {
            const { identity } = await engineContext(db, address);
            await storage.guard('settings', () => reindexClientRefs(db, address, identity));
          }
        }
        // Not awaited: forgetting years of mail can take a while, and the daily alarm finishes what a stop cut short.
        if (JSON.stringify(before.retention) !== JSON.stringify(after.retention)) {
          applyRetention().catch((error: unknown) => console.error('Keepwarm: retention cleanup failed', error));
        }
        if (changesReports(before, after)) await recomputeAll();
        // Badges speak the user's language: Gmail tabs ask again for their texts.
        else if (before.language !== after.language) await riskNotices.notifyAll();
        await syncDigestAlarm(after, Date.now());
        return { saved: true as const };
      },
      'ui/import-data': async ({ importId, part, parts, backup }) => {
        const whole = backupParts.add(importId, part, parts, backup);
        if (!whole) return { received: part + 1 };
        const imported = await storage.guard('restore', () => importBackup(db, whole));
        await syncDigestAlarm(await readUserSettings(db), Date.now());
        await updateBadge();
        await riskNotices.notifyAll();
        return { imported };
      },
      'ui/delete-all-data': async () => {
        await storage.guard('delete', () => eraseAllData(db));
        await syncDigestAlarm(await readUserSettings(db), Date.now());
        await updateBadge();
        await riskNotices.notifyAll();
        return { saved: true as const };
      },
      'ui/delete-account-data': async ({ account }) => {
        await storage.guard('delete', () => eraseAccountData(db, account));
        await updateBadge();
        await riskNotices.notify(account);
        return { saved: true as const };
      },
      'ui/set-client-override': async ({ account, clientKey, override }) => {
        await storage.guard('correction', async () => {
          await setClientOverride(db, account, clientKey, override, Date.now());
          await recomputeAccount(db, account, Date.now());
        });
        await updateBadge();
        await riskNotices.notify(account);
        return { saved: true as const };
      },
      'ui/split-address': async ({ account, address, split }) => {
        await storage.guard('correction', async () => {
          await setSplitAddress(db, account, address, split, Date.now());
          await recomputeAccount(db, account, Date.now());
        });
        await updateBadge();
        await riskNotices.notify(account);
        return { saved: true as const };
      },
    },
    browser.runtime.getURL('/'),
  );

  // Returning the promise is how webextension-polyfill sends an async reply.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const reply = router.route(raw, sender);
    void reply.then((answer) => rememberOpenConversation(raw, answer, sender.tab));
    return reply;
  });
  forgetClosedTabs();

  // A new version may report more than the stored reports hold (the side panel's weeks of activity did):
  // rebuild them with the new engine now rather than at the next refresh.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update')
      recomputeAll().catch((error: unknown) => console.error('Keepwarm: could not recompute after an update', error));
  });
  browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === REFRESH_ALARM) await recomputeAll();
    if (alarm.name === DIGEST_ALARM) await showDailyDigest(db, Date.now());
    if (alarm.name === RETENTION_ALARM) await applyRetention();
  });
  // Created once: making it again at every worker start would push the daily run back each time.
  browser.alarms
    .get(RETENTION_ALARM)
    .then((alarm) =>
      alarm ? undefined : browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES }),
    )
    .catch((error: unknown) => console.error('Keepwarm: could not set the retention cleanup', error));
  listenToDigestClicks(db);
  readUserSettings(db)
    .then((settings) => syncDigestAlarm(settings, Date.now()))
    .catch((error: unknown) => console.error('Keepwarm: could not set the daily digest', error));

  // A worker stopped between storing history and recomputing left marks behind: finish that work now.
  pendingOf(db)
    .then((pending) => {
      for (const { account, ref } of pending) recompute.schedule(account, [ref]);
    })
    .catch((error: unknown) => console.error('Keepwarm: could not read pending recomputes', error));
}
