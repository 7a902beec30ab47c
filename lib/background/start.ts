import { browser } from 'wxt/browser';
import { backtestFeature } from '@/lib/features/backtest/background';
import { clientCorrectionsFeature } from '@/lib/features/client-corrections/background';
import { crmFeature } from '@/lib/features/crm/background';
import { dashboardFeature } from '@/lib/features/dashboard/background';
import { dataFeature } from '@/lib/features/data/background';
import { digestFeature } from '@/lib/features/digest/background';
import { followUpsFeature } from '@/lib/features/follow-ups/background';
import { gmailFeature } from '@/lib/features/gmail/background';
import { mailboxImportFeature } from '@/lib/features/mailbox-import/background';
import { modelRefitFeature } from '@/lib/features/model-refit/background';
import { reportsFeature } from '@/lib/features/reports/background';
import { retentionFeature } from '@/lib/features/retention/background';
import { settingsFeature } from '@/lib/features/settings/background';
import { sidePanelFeature } from '@/lib/features/side-panel/background';
import { statusFeature } from '@/lib/features/status/background';
import { teamFeature } from '@/lib/features/team/background';
import { forgetClosedTabs, rememberOpenConversation } from './open-conversations';
import { createRouter } from './router';
import { type BackgroundFeature, createBackgroundServices } from './services';

// The background is the list of its features: each brings its handlers, the
// work its alarms start and what it does when the worker starts
// (lib/features/<feature>/background.ts). A message without a handler fails the build.
export function startBackground(): void {
  const services = createBackgroundServices();
  const retention = retentionFeature(services);
  const team = teamFeature(services);
  const gmail = gmailFeature(services, team.badgesInScope);
  const crm = crmFeature(services);
  const sidePanel = sidePanelFeature();
  const status = statusFeature(services, () => router.rejectedCount);
  const followUps = followUpsFeature(services);
  const settings = settingsFeature(services, retention.apply);
  const corrections = clientCorrectionsFeature(services);
  const modelRefit = modelRefitFeature({
    db: services.db,
    alarms: browser.alarms,
    recompute: (account) => services.reports.refreshAccount(account),
  });
  const mailboxImport = mailboxImportFeature(services, modelRefit.afterImport);
  const data = dataFeature(services);
  const dashboard = dashboardFeature(services);
  const backtest = backtestFeature(services);
  const features: BackgroundFeature<unknown>[] = [
    gmail,
    crm,
    sidePanel,
    status,
    followUps,
    settings,
    corrections,
    mailboxImport,
    data,
    dashboard,
    backtest,
    modelRefit,
    team,
    retention,
    digestFeature(services),
    reportsFeature(services),
  ];

  const router = createRouter(
    {
      ...gmail.handlers,
      ...crm.handlers,
      ...sidePanel.handlers,
      ...status.handlers,
      ...followUps.handlers,
      ...settings.handlers,
      ...corrections.handlers,
      ...mailboxImport.handlers,
      ...data.handlers,
      ...dashboard.handlers,
      ...backtest.handlers,
      ...team.handlers,
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

  const alarms: Record<string, () => Promise<void>> = Object.assign(
    {},
    ...features.map((feature) => feature.alarms ?? {}),
  );
  browser.alarms.onAlarm.addListener(async (alarm) => {
    await alarms[alarm.name]?.();
    for (const feature of features) await feature.onAlarm?.(alarm.name);
  });
  for (const feature of features) feature.start?.();
}
