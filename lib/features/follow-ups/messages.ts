import { z } from 'zod';

const uiSetFollowUpSchema = z.strictObject({
  type: z.literal('ui/set-follow-up'),
  account: z.email().max(320),
  clientKey: z.string().min(1).max(400),
  key: z.string().min(1).max(600),
  status: z.enum(['done', 'dismissed', 'snoozed']),
  snoozedUntil: z.number().int().positive().optional(),
});

/** The user's Done, Snooze or Dismiss on a suggested follow-up. */
export const followUpMessages = [uiSetFollowUpSchema] as const;

export const followUpReplies = {
  'ui/set-follow-up': z.object({ saved: z.literal(true) }),
};
