import type { KeepwarmDb } from '@/lib/store/db';
import { markPending } from '@/lib/store/pending-recompute';

export interface FollowUpDecision {
  account: string;
  clientKey: string;
  key: string;
  status: 'done' | 'dismissed' | 'snoozed';
  snoozedUntil?: number;
}

/**
 * Keeps the user's decision on a follow-up. It lives beside the reports, not in
 * them, so recomputing never loses it; the engine reopens the follow-up when
 * newer activity makes it relevant again.
 */
export async function recordFollowUpDecision(db: KeepwarmDb, decision: FollowUpDecision, now: number): Promise<void> {
  if (decision.status === 'snoozed' && (decision.snoozedUntil === undefined || decision.snoozedUntil <= now)) {
    throw new Error('A snooze needs a time in the future');
  }
  // With its pending mark, so a worker stopped before the recompute still hides the follow-up when it starts again.
  await db.transaction('rw', db.followUpStates, db.recomputeMarks, async () => {
    await db.followUpStates.put({
      account: decision.account,
      clientKey: decision.clientKey,
      key: decision.key,
      status: decision.status,
      updatedAt: now,
      ...(decision.status === 'snoozed' ? { snoozedUntil: decision.snoozedUntil } : {}),
    });
    await markPending(db, decision.account, [`${decision.account}|${decision.clientKey}`]);
  });
}
