import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from '@/lib/background/retention';
import { readUserSettings } from '@/lib/background/settings-store';
import { startBackground } from '@/lib/background/start';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { RETENTION_RUN_KEY } from '@/lib/data/retention-run';
import { accountIdentity } from '@/lib/engine/account-identity';
import { DB_NAME, openKeepwarmDb } from '@/lib/store/db';
import { DAY, ME } from './exchange';

// The cleanup runs from a daily alarm, made once so a worker started again
// does not push it back, and once right after the user changes how long mail is kept.

const fromOptions = { url: fakeBrowser.runtime.getURL('/options.html') };
const send = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, fromOptions))[0];
const lastRun = async () => (await fakeBrowser.storage.local.get(RETENTION_RUN_KEY))[RETENTION_RUN_KEY];

describe('the retention schedule', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
  });

  it('makes the daily alarm once, and keeps it when the worker starts again', async () => {
    startBackground();
    await expect
      .poll(() => fakeBrowser.alarms.get(RETENTION_ALARM))
      .toMatchObject({
        periodInMinutes: RETENTION_PERIOD_MINUTES,
      });
    const first = await fakeBrowser.alarms.get(RETENTION_ALARM);
    startBackground();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toEqual(first);
  });

  it('cleans up right after the retention settings change, and when the alarm goes off', async () => {
    startBackground();
    const db = openKeepwarmDb();
    const old = Date.now() - 400 * DAY;
    await storeImportBatch(
      db,
      {
        account: ME,
        messages: [
          {
            id: 'a@acme.com',
            threadId: 't',
            at: old,
            from: { email: 'dana@acme.com' },
            to: [{ email: ME }],
            cc: [],
            subject: 'Order',
            snippet: 'Please cancel',
          },
        ],
      },
      Date.now(),
      accountIdentity(ME),
    );
    const settings = await readUserSettings(db);
    expect(await send({ type: 'ui/set-settings', settings: { ...settings, replyTargetHours: 5 } })).toEqual({
      saved: true,
    });
    expect(await lastRun()).toBeUndefined();

    await send({
      type: 'ui/set-settings',
      settings: { ...settings, retention: { snippetMonths: 12, forgetMonths: 0 } },
    });
    await expect.poll(lastRun).toMatchObject({ snippetsCleared: 1, messagesForgotten: 0 });
    expect((await db.messages.toArray()).map((m) => m.snippet)).toEqual(['']);

    // A Gmail list showing the old message again gives it its snippet back; the next daily run clears it.
    await db.messages.update([ME, 'a@acme.com'], { snippet: 'Please cancel' });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: RETENTION_ALARM,
      scheduledTime: Date.now(),
      periodInMinutes: 1440,
    });
    await expect.poll(async () => (await db.messages.toArray()).map((m) => m.snippet)).toEqual(['']);
    await expect.poll(lastRun).toMatchObject({ snippetsCleared: 1 });

    // A Gmail list showing the old message again gives it its snippet back; the next daily run clears it.
    await db.messages.update([ME, 'a@acme.com'], { snippet: 'Please cancel' });
    const before = (await lastRun()) as { at: number };
    await fakeBrowser.alarms.onAlarm.trigger({
      name: RETENTION_ALARM,
      scheduledTime: Date.now(),
      periodInMinutes: 1440,
    });
    await expect.poll(async () => ((await lastRun()) as { at: number }).at).toBeGreaterThan(before.at);
    expect(await lastRun()).toMatchObject({ snippetsCleared: 1 });
    expect((await db.messages.toArray()).map((m) => m.snippet)).toEqual(['']);

    await send({
      type: 'ui/set-settings',
      settings: { ...settings, retention: { snippetMonths: 12, forgetMonths: 12 } },
    });
    await expect.poll(lastRun).toMatchObject({ messagesForgotten: 1 });
    expect(await db.messages.count()).toBe(0);
    db.close();
  });
});
