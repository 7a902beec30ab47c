import { browser } from 'wxt/browser';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { pendingOf } from '@/lib/store/pending-recompute';

const REFRESH_ALARM = 'keepwarm-refresh';
// Waiting times grow while the browser sits idle; refresh the reports and badge this often.
const REFRESH_MINUTES = 15;

/** The clients' reports kept fresh: on a timer, after an update, and after a worker stopped mid-work. */
export function reportsFeature({ db, reports }: BackgroundServices): BackgroundFeature<Record<never, never>> {
  return {
    handlers: {},
    alarms: { [REFRESH_ALARM]: () => reports.refreshAll() },
    start: () => {
      // A new version may report more than the stored reports hold (the side panel's weeks of activity did):
      // rebuild them with the new engine now rather than at the next refresh.
      browser.runtime.onInstalled.addListener(({ reason }) => {
        if (reason === 'update')
          reports
            .refreshAll()
            .catch((error: unknown) => console.error('Keepwarm: could not recompute after an update', error));
      });
      browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
      // A worker stopped between storing history and recomputing left marks behind: finish that work now.
      pendingOf(db)
        .then((pending) => {
          for (const { account, refs } of pending) reports.schedule(account, refs);
        })
        .catch((error: unknown) => console.error('Keepwarm: could not read pending recomputes', error));
    },
  };
}
