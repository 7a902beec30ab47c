import { z } from 'zod';
import { conversationSchema, healthSchema, threadRowSchema } from '@/lib/sites/gmail/schemas';

// Every message that crosses into the background is parsed with these schemas:
// content scripts run inside pages we do not control, so what they send is
// untrusted input. Message names say the direction (content/…, ui/…).

export const gmailAccountSchema = z.strictObject({
  /** The account part of the URL: `u/0`, or `b/<delegate>/u/0` for a delegated mailbox. */
  accountPath: z.string().min(1).max(200),
  /** The signed-in address when the page shows it; never guessed from a display name. */
  address: z.email().max(320).optional(),
});

export const contentGmailPageSeenSchema = z.strictObject({
  type: z.literal('content/gmail-page-seen'),
  account: gmailAccountSchema,
  view: z.string().max(500),
});

/** A page's observations belong to an account only once its address is known: never to a guess. */
const knownAccountSchema = gmailAccountSchema.required({ address: true });

const pageContext = {
  account: knownAccountSchema,
  /** `<html lang>` of the page: the language of its date titles. */
  pageLanguage: z.string().max(35),
  health: healthSchema,
};

export const contentGmailThreadsSeenSchema = z.strictObject({
  type: z.literal('content/gmail-threads-seen'),
  ...pageContext,
  threads: z.array(threadRowSchema).max(2000),
});

export const contentGmailConversationSeenSchema = z.strictObject({
  type: z.literal('content/gmail-conversation-seen'),
  ...pageContext,
  conversation: conversationSchema,
});

export const uiGetStatusSchema = z.strictObject({ type: z.literal('ui/get-status') });

export const uiSetFollowUpSchema = z.strictObject({
  type: z.literal('ui/set-follow-up'),
  account: z.email().max(320),
  clientKey: z.string().min(1).max(400),
  key: z.string().min(1).max(600),
  status: z.enum(['done', 'dismissed', 'snoozed']),
  snoozedUntil: z.number().int().positive().optional(),
});

export const toBackgroundSchema = z.discriminatedUnion('type', [
  contentGmailPageSeenSchema,
  contentGmailThreadsSeenSchema,
  contentGmailConversationSeenSchema,
  uiGetStatusSchema,
  uiSetFollowUpSchema,
]);
export type ToBackground = z.infer<typeof toBackgroundSchema>;

export const accountStatusSchema = z.object({
  accountPath: z.string(),
  address: z.string().optional(),
  lastSeenAt: z.number(),
  lastView: z.string(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** What the background answers to each message, by message type. */
export const replySchemas = {
  'content/gmail-page-seen': z.object({ accountsKnown: z.number().int().nonnegative() }),
  'content/gmail-threads-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/gmail-conversation-seen': z.object({ stored: z.number().int().nonnegative() }),
  'ui/set-follow-up': z.object({ saved: z.literal(true) }),
  'ui/get-status': z.object({
    accounts: z.array(accountStatusSchema),
    rejectedMessages: z.number().int().nonnegative(),
  }),
} satisfies Record<ToBackground['type'], z.ZodType>;

export type ReplyTo<T extends ToBackground['type']> = z.infer<(typeof replySchemas)[T]>;

/** A message the background refused, with the reason; never thrown across the boundary. */
export const refusalSchema = z.object({ refused: z.string() });
