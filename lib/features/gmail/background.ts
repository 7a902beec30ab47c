import { recordAccountSeen } from '@/lib/background/account-registry';
import { engineContext } from '@/lib/background/engine-context';
import { storeGmailData } from '@/lib/background/gmail-data';
import { listContext, type PageContext, storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { readUserSettings } from '@/lib/background/settings-store';
import { threadRisks } from '@/lib/background/thread-risks';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator, type Translator } from '@/lib/i18n/translate';
import type { HandlersOf } from '@/lib/messaging/handlers';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import type { gmailMessages, gmailReplies, ThreadRisk } from './messages';

type GmailHandlers = HandlersOf<typeof gmailMessages, typeof gmailReplies>;

/** What Gmail pages report is stored, and its clients recomputed once the page is quiet; their badges are answered. */
export function gmailFeature(
  { db, storage, reports }: BackgroundServices,
  /** The badges as the scope the user chose shows them (their own mail, or the team's). */
  inScope: (threads: ThreadRisk[], t: Translator) => Promise<ThreadRisk[]>,
): BackgroundFeature<GmailHandlers> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
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

  const handlers: GmailHandlers = {
    'content/gmail-page-seen': async (message) => ({
      accountsKnown: await recordAccountSeen({
        accountPath: message.account.accountPath,
        address: message.account.address,
        lastSeenAt: Date.now(),
        lastView: message.view,
      }),
    }),
    'content/gmail-threads-seen': async (message, sender) => {
      reports.rememberTab(message.account.address, sender.tab?.id);
      if (storage.pausingPageWrites()) return { stored: 0 };
      const page = await pageContext(message.account, message.pageLanguage, message.health);
      const list = message.view === undefined ? undefined : listContext(message.view, message.pageLanguage, page.now);
      const touched = await storage.guard('page', () => storeThreadRows(db, message.threads, page, list));
      if (touched.size > 0) reports.schedule(page.account, touched);
      return { stored: message.threads.length };
    },
    'content/gmail-conversation-seen': async (message, sender) => {
      reports.rememberTab(message.account.address, sender.tab?.id);
      if (storage.pausingPageWrites()) return { stored: 0 };
      const page = await pageContext(message.account, message.pageLanguage, message.health);
      const touched = await storage.guard('page', () => storeConversation(db, message.conversation, page));
      if (touched.size > 0) reports.schedule(page.account, touched);
      return { stored: message.conversation.messages.length };
    },
    'content/gmail-data-seen': async (message, sender) => {
      reports.rememberTab(message.account.address, sender.tab?.id);
      if (storage.pausingPageWrites()) return { stored: 0 };
      const page = {
        account: message.account.address,
        identity: (await engineContext(db, message.account.address)).identity,
        accountPath: message.account.accountPath,
        health: message.health,
        now: Date.now(),
      };
      const touched = await storage.guard('page', () => storeGmailData(db, message.threads, page));
      if (touched.size > 0) reports.schedule(page.account, touched);
      return { stored: message.threads.length };
    },
    'content/get-thread-risks': async ({ account, threadIds }, sender) => {
      reports.rememberTab(account, sender.tab?.id);
      const { language } = await readUserSettings(db);
      const translator = createTranslator(resolveLanguage(language, navigator.languages));
      const risks = await threadRisks(db, account, threadIds, translator);
      return { ...risks, threads: await inScope(risks.threads, translator) };
    },
  };
  return { handlers };
}
