import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIGEST_ALARM, showDailyDigest, syncDigestAlarm } from '@/lib/background/digest-notification';
import { saveUserSettings } from '@/lib/background/settings-store';
import type { StoredClient } from '@/lib/data/stored-rows';
import { defaultUserSettings, parseUserSettings } from '@/lib/settings/user-settings';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';

const NOW = Date.UTC(2026, 10, 20, 6);
const ME = 'olena@brightpath.studio';
const on = parseUserSettings({
  ...defaultUserSettings('Europe/Kyiv'),
  language: 'en',
  notifications: { dailyDigest: true, digestHour: 9 },
});

function waiting(key: string, riskScore: number): StoredClient {
  return {
    account: ME,
    key,
    riskScore,
    waitingOnUsSince: NOW - 5 * 3_600_000,
    computedAt: NOW,
    report: { key, displayName: key, risk: { level: 'high', score: riskScore, reasons: [] } },
  } as unknown as StoredClient;
}

let db: KeepwarmDb;
let granted = true;
beforeEach(() => {
  fakeBrowser.reset();
  granted = true;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  db = openKeepwarmDb('digest-test');
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete('digest-test');
});

describe('daily digest in the background', () => {
  it('keeps one alarm at the next digest hour only while the digest is on and allowed', async () => {
    await syncDigestAlarm(on, NOW);
    // 06:00 UTC is 08:00 in Kyiv: the digest is due at 09:00 there, 07:00 UTC.
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(Date.UTC(2026, 10, 20, 7));
    await syncDigestAlarm(defaultUserSettings(), NOW);
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    granted = false;
    await syncDigestAlarm(on, NOW);
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });

  it('shows who waits, sets the next alarm, and opens the riskiest client in Gmail on a click', async () => {
    await saveUserSettings(db, on, NOW);
    await db.accounts.put({ address: ME, accountPath: 'u/1', firstSeenAt: 0, lastSeenAt: 0 });
    await db.clients.bulkPut([waiting('acme.com', 70), waiting('globex.io', 40)]);
    expect(await showDailyDigest(db, NOW, ['en-US'])).toBe(true);
    const shown = await fakeBrowser.notifications.getAll();
    const [id, notification] = Object.entries(shown)[0] ?? [];
    expect(notification).toMatchObject({ title: 'Keepwarm: 2 waiting on you, 2 at risk', type: 'basic' });
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBeGreaterThan(NOW);

    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async () => ({}) as never);
    await fakeBrowser.notifications.onClicked.trigger(id ?? '');
    await vi.waitFor(() =>
      expect(opened).toHaveBeenCalledWith({ url: 'https://mail.google.com/mail/u/1/#search/acme.com' }),
    );
  });

  it('shows nothing when the user switched it off or nothing needs saying', async () => {
    await saveUserSettings(db, on, NOW);
    expect(await showDailyDigest(db, NOW, ['en-US'])).toBe(false);
    await saveUserSettings(db, defaultUserSettings(), NOW);
    await db.clients.put(waiting('acme.com', 70));
    expect(await showDailyDigest(db, NOW, ['en-US'])).toBe(false);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
