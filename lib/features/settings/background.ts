import { syncDigestAlarm } from '@/lib/background/digest-notification';
import { engineContext } from '@/lib/background/engine-context';
import { reindexClientRefs } from '@/lib/background/reindex';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { changesReports } from '@/lib/background/settings-change';
import { readUserSettings, saveUserSettings } from '@/lib/background/settings-store';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { settingsMessages, settingsReplies } from './messages';

type SettingsHandlers = HandlersOf<typeof settingsMessages, typeof settingsReplies>;

/** `applyRetention` is the retention feature's cleanup: a change of how long mail is kept runs it at once. */
export function settingsFeature(
  { db, storage, reports }: BackgroundServices,
  applyRetention: () => Promise<void>,
): BackgroundFeature<SettingsHandlers> {
  return {
    handlers: {
      'ui/get-settings': async () => ({ settings: await readUserSettings(db) }),
      'ui/set-settings': async ({ settings }) => {
        const before = await readUserSettings(db);
        const after = await storage.guard('settings', () => saveUserSettings(db, settings, Date.now()));
        // Aliases and internal domains decide which stored messages involve which client.
        for (const account of await db.accounts.toArray()) {
          const address = account.address;
          if (JSON.stringify(before.accounts[address]) !== JSON.stringify(after.accounts[address])) {
            const { identity } = await engineContext(db, address);
            await storage.guard('settings', () => reindexClientRefs(db, address, identity));
          }
        }
        // Not awaited: forgetting years of mail can take a while, and the daily alarm finishes what a stop cut short.
        if (JSON.stringify(before.retention) !== JSON.stringify(after.retention)) {
          applyRetention().catch((error: unknown) => console.error('Keepwarm: retention cleanup failed', error));
        }
        if (changesReports(before, after)) await reports.refreshAll();
        // Badges speak the user's language: Gmail tabs ask again for their texts.
        else if (before.language !== after.language) await reports.changed();
        await syncDigestAlarm(after, Date.now());
        return { saved: true as const };
      },
    },
  };
}
