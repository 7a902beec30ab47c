import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { watchedAccounts } from '@/lib/background/watched-accounts';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { statusMessages, statusReplies } from './messages';

type StatusHandlers = HandlersOf<typeof statusMessages, typeof statusReplies>;

/** `rejectedCount` asks the router how many messages it refused since the worker started. */
export function statusFeature(
  { db }: BackgroundServices,
  rejectedCount: () => number,
): BackgroundFeature<StatusHandlers> {
  return {
    handlers: {
      'ui/get-status': async () => ({
        accounts: await watchedAccounts(db),
        rejectedMessages: rejectedCount(),
      }),
    },
  };
}
