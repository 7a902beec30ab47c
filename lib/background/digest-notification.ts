import { browser } from 'wxt/browser';
import { buildDigest, nextDigestAt } from '@/lib/features/digest/digest-text';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import type { UserSettings } from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';
import { readUserSettings } from './settings-store';

export const DIGEST_ALARM = 'keepwarm-daily-digest';
const NOTIFICATION_PREFIX = 'keepwarm-digest:';

// The notifications permission is optional: asked for when the user switches
// the digest on, and the API exists only once it is granted.
function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] });
}

/** One alarm at the next digest hour while the digest is on and allowed; none otherwise. */
export async function syncDigestAlarm(settings: UserSettings, now: number): Promise<void> {
  const { dailyDigest, digestHour } = settings.notifications;
  if (!dailyDigest || !(await hasNotifications())) {
    await browser.alarms.clear(DIGEST_ALARM);
    return;
  }
  await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(now, digestHour, settings.businessHours.timeZone) });
}

/** Shows today's digest, if there is anything to say, and sets the alarm for the next one. */
export async function showDailyDigest(
  db: KeepwarmDb,
  now: number,
  browserLanguages: readonly string[] = navigator.languages,
): Promise<boolean> {
  const settings = await readUserSettings(db);
  await syncDigestAlarm(settings, now);
  if (!settings.notifications.dailyDigest || !(await hasNotifications())) return false;
  const translator = createTranslator(resolveLanguage(settings.language, browserLanguages));
  const digest = buildDigest(await db.clients.toArray(), now, translator);
  if (!digest) return false;
  listenToDigestClicks(db);
  // The click target rides in the notification's id, so a worker restarted since still knows it.
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${JSON.stringify(digest.target)}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/notification-icon.png'),
    title: digest.title,
    message: digest.message,
  });
  return true;
}

async function openTarget(db: KeepwarmDb, notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  const target = JSON.parse(notificationId.slice(NOTIFICATION_PREFIX.length)) as { account: string; clientKey: string };
  const account = await db.accounts.get(target.account);
  if (account) {
    const search = encodeURIComponent(target.clientKey);
    await browser.tabs.create({
      url: `https://mail.google.com/mail/${account.accountPath ?? 'u/0'}/#search/${search}`,
    });
    return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
}

let clickDb: KeepwarmDb | undefined;
function onDigestClicked(id: string): void {
  if (!id.startsWith(NOTIFICATION_PREFIX) || !clickDb) return;
  openTarget(clickDb, id).catch((error: unknown) => console.error('Keepwarm: could not open the digest', error));
}

/** Clicking the digest opens the riskiest client's mail in Gmail, or the waiting list when that account is gone. */
export function listenToDigestClicks(db: KeepwarmDb): void {
  clickDb = db;
  const clicked = browser.notifications?.onClicked;
  if (clicked && !clicked.hasListener(onDigestClicked)) clicked.addListener(onDigestClicked);
}
