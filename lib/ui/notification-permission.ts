import { browser } from 'wxt/browser';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Asks for the notifications permission; call it inside the user's click, the only moment a page may ask. */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS).catch(() => false);
}

/** Gives the permission back once the digest is off: Keepwarm holds no permission it does not use. */
export async function releaseNotifications(): Promise<void> {
  if (await browser.permissions.contains(NOTIFICATIONS)) await browser.permissions.remove(NOTIFICATIONS);
}
