import { setClientOverride, setSplitAddress } from '@/lib/background/client-overrides';
import { recomputeAccount } from '@/lib/background/recompute';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { clientCorrectionMessages, clientCorrectionReplies } from './messages';

type ClientCorrectionHandlers = HandlersOf<typeof clientCorrectionMessages, typeof clientCorrectionReplies>;

/** A correction and the recompute it calls for are one guarded write: a full disk refuses both. */
export function clientCorrectionsFeature({
  db,
  storage,
  reports,
}: BackgroundServices): BackgroundFeature<ClientCorrectionHandlers> {
  return {
    handlers: {
      'ui/set-client-override': async ({ account, clientKey, override }) => {
        await storage.guard('correction', async () => {
          await setClientOverride(db, account, clientKey, override, Date.now());
          await recomputeAccount(db, account, Date.now());
        });
        await reports.changed(account);
        return { saved: true as const };
      },
      'ui/split-address': async ({ account, address, split }) => {
        await storage.guard('correction', async () => {
          await setSplitAddress(db, account, address, split, Date.now());
          await recomputeAccount(db, account, Date.now());
        });
        await reports.changed(account);
        return { saved: true as const };
      },
    },
  };
}
