import { recordFollowUpDecision } from '@/lib/background/follow-up-decisions';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { followUpMessages, followUpReplies } from './messages';

type FollowUpHandlers = HandlersOf<typeof followUpMessages, typeof followUpReplies>;

export function followUpsFeature({ db, storage, reports }: BackgroundServices): BackgroundFeature<FollowUpHandlers> {
  return {
    handlers: {
      'ui/set-follow-up': async ({ type: _, ...decision }) => {
        await storage.guard('follow-up', () => recordFollowUpDecision(db, decision, Date.now()));
        reports.schedule(decision.account, [`${decision.account}|${decision.clientKey}`]);
        return { saved: true as const };
      },
    },
  };
}
