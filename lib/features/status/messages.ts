import { z } from 'zod';

const uiGetStatusSchema = z.strictObject({ type: z.literal('ui/get-status') });

const accountStatusSchema = z.object({
  /** Where Gmail shows the account (`u/0`); missing while it is known only from an import. */
  accountPath: z.string().optional(),
  address: z.string().optional(),
  lastSeenAt: z.number(),
  lastView: z.string(),
  /** When its mail was last imported, and how many of its messages are stored. */
  imported: z.object({ at: z.number(), messages: z.number().int().nonnegative() }).optional(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;
/** An account as a Gmail page showed it. */
export type GmailAccountSeen = AccountStatus & { accountPath: string };

/** The accounts Keepwarm watches, and how many messages it refused. */
export const statusMessages = [uiGetStatusSchema] as const;

export const statusReplies = {
  'ui/get-status': z.object({
    accounts: z.array(accountStatusSchema),
    rejectedMessages: z.number().int().nonnegative(),
  }),
};
