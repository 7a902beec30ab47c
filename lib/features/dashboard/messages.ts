// The dashboard's one message: an extension page asks for an account's
// per-client histories and summaries, and computes the dashboard itself.
import { z } from 'zod';

export const uiGetDashboardSchema = z.strictObject({
  type: z.literal('ui/get-dashboard'),
  account: z.email().max(320),
});

const replySchema = z.object({ by: z.enum(['in', 'out']), at: z.number(), wallMs: z.number() });

export const dashboardClientSchema = z.object({
  key: z.string(),
  name: z.string(),
  whose: z.string().optional(),
  value: z.number().optional(),
  tier: z.enum(['key', 'standard', 'minor']).optional(),
  chance: z.number().optional(),
  theirContactAt: z.array(z.number()),
  replies: z.array(replySchema),
});

export const getDashboardReplySchema = z.object({
  /** The user's time zone, where months begin. */
  timeZone: z.string(),
  clients: z.array(dashboardClientSchema),
});
export type GetDashboardReply = z.infer<typeof getDashboardReplySchema>;

export const dashboardMessages = [uiGetDashboardSchema] as const;

export const dashboardReplies = {
  'ui/get-dashboard': getDashboardReplySchema,
};
