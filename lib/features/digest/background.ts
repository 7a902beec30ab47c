import {
  DIGEST_ALARM,
  listenToDigestClicks,
  showDailyDigest,
  syncDigestAlarm,
} from '@/lib/background/digest-notification';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { readUserSettings } from '@/lib/background/settings-store';

/** The daily notification of who waits on the user and who is at risk, at the hour the settings say. */
export function digestFeature({ db }: BackgroundServices): BackgroundFeature<Record<never, never>> {
  return {
    handlers: {},
    alarms: { [DIGEST_ALARM]: () => showDailyDigest(db, Date.now()).then(() => undefined) },
    start: () => {
      listenToDigestClicks(db);
      readUserSettings(db)
        .then((settings) => syncDigestAlarm(settings, Date.now()))
        .catch((error: unknown) => console.error('Keepwarm: could not set the daily digest', error));
    },
  };
}
