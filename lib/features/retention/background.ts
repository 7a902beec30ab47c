import { browser } from 'wxt/browser';
import { recomputeClients } from '@/lib/background/recompute';
import { RETENTION_ALARM, RETENTION_PERIOD_MINUTES, runRetention } from '@/lib/background/retention';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { RETENTION_RUN_KEY } from '@/lib/data/retention-run';

export interface RetentionFeature extends BackgroundFeature<Record<never, never>> {
  /** Clears old snippets and forgets old mail as the settings say; the outcome is kept for the options page. */
  apply(): Promise<void>;
}

/** The daily cleanup of old mail, and the same cleanup at once when the user shortens how long mail is kept. */
export function retentionFeature({ db, storage, reports }: BackgroundServices): RetentionFeature {
  const apply = async () => {
    const run = await runRetention(db, Date.now(), {
      recompute: async (account, refs) => {
        await storage.guard('recompute', () => recomputeClients(db, account, refs, Date.now()));
      },
      guard: (write) => storage.guard('retention', write),
    });
    if ('error' in run) console.error('Keepwarm: retention cleanup did nothing', run.error);
    await browser.storage.local.set({ [RETENTION_RUN_KEY]: run });
    await reports.changed();
  };
  return {
    handlers: {},
    apply,
    alarms: { [RETENTION_ALARM]: apply },
    start: () => {
      // Created once: making it again at every worker start would push the daily run back each time.
      browser.alarms
        .get(RETENTION_ALARM)
        .then((alarm) =>
          alarm ? undefined : browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES }),
        )
        .catch((error: unknown) => console.error('Keepwarm: could not set the retention cleanup', error));
    },
  };
}
