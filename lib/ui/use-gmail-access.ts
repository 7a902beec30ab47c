import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The one host Keepwarm needs; Firefox lets the user take it back at any time. */
export const GMAIL_ACCESS = { origins: ['https://mail.google.com/*'] };

/**
 * Whether Keepwarm may read Gmail, live, and the request that gives it back.
 * `missing` is false until the browser has answered, so nothing flashes.
 */
export function useGmailAccess(): { missing: boolean; onGrant(): void } {
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let current = true;
    const check = () => {
      browser.permissions.contains(GMAIL_ACCESS).then(
        (granted) => current && setMissing(!granted),
        (error: unknown) => console.warn('Keepwarm: could not read the Gmail permission', error),
      );
    };
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      current = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  // Called straight from the click: the browser asks only within the user's gesture.
  const onGrant = useCallback(() => {
    browser.permissions.request(GMAIL_ACCESS).then(
      (granted) => setMissing(!granted),
      (error: unknown) => console.warn('Keepwarm: the Gmail permission was not asked for', error),
    );
  }, []);

  return { missing, onGrant };
}
