import { z } from 'zod';
import { MAX_DATA_THREADS, MAX_RISK_THREADS } from '@/lib/messaging/limits';
import { gmailDataHealthSchema, gmailDataThreadSchema } from '@/lib/sites/gmail/page-data/schemas';
import { conversationSchema, decimalIdSchema, healthSchema, threadRowSchema } from '@/lib/sites/gmail/schemas';

// Every message that crosses into the background is parsed with these schemas:
// content scripts run inside pages we do not control, so what they send is
// untrusted input. Message names say the direction (content/…, ui/…).

const gmailAccountSchema = z.strictObject({
  /** The account part of the URL: `u/0`, or `b/<delegate>/u/0` for a delegated mailbox. */
  accountPath: z.string().min(1).max(200),
  /** The signed-in address when the page shows it; never guessed from a display name. */
  address: z.email().max(320).optional(),
});

const contentGmailPageSeenSchema = z.strictObject({
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
  /**
   * The URL hash of the list the rows were read from (`inbox`, `category/social`, `sent`):
   * whether the rows name senders or recipients. Without it no sender is inferred.
   */
  view: z.string().max(500).optional(),
  threads: z.array(threadRowSchema).max(2000),
});

const contentGmailConversationSeenSchema = z.strictObject({
  type: z.literal('content/gmail-conversation-seen'),
  ...pageContext,
  conversation: conversationSchema,
});

/**
 * Gmail's own thread data, read in the page and parsed by the content script:
 * only ever for the tab's own account. Every thread and message is checked
 * against the parser's bounds here; one invalid record refuses the message,
 * and nothing of it is stored.
 */
const contentGmailDataSeenSchema = z.strictObject({
  type: z.literal('content/gmail-data-seen'),
  account: knownAccountSchema,
  pageLanguage: z.string().max(35).optional(),
  health: gmailDataHealthSchema,
  threads: z.array(gmailDataThreadSchema).max(MAX_DATA_THREADS),
});
export type ContentGmailDataSeen = z.infer<typeof contentGmailDataSeenSchema>;

/** The risk badges of the threads a Gmail page shows. */
const contentGetThreadRisksSchema = z.strictObject({
  type: z.literal('content/get-thread-risks'),
  account: z.email().max(320),
  threadIds: z.array(decimalIdSchema).max(MAX_RISK_THREADS),
});

const riskLevelSchema = z.enum(['low', 'watch', 'high', 'critical']);

/** One thread's badge, every text already in the user's language. */
const threadRiskSchema = z.object({
  threadId: z.string(),
  clientKey: z.string(),
  name: z.string(),
  level: riskLevelSchema,
  score: z.number(),
  /** "Critical", "Критичний": the word on the pill. */
  levelText: z.string(),
  /** "risk 82 of 100". */
  scoreText: z.string(),
  /** The strongest reasons first, in plain words. */
  reasons: z.array(z.object({ kind: z.string(), text: z.string() })),
  /** A reason to act now, marked beside the level whatever the chance (lib/engine/urgency-mark.ts): its word on the pill and its reason. */
  urgent: z.object({ kind: z.string(), word: z.string(), text: z.string() }).optional(),
  /** Everything above in one sentence, for screen readers. */
  label: z.string(),
});
export type ThreadRisk = z.infer<typeof threadRiskSchema>;

/**
 * Background → Gmail tabs: the stored risks of an account changed, ask again.
 * Sent with tabs.sendMessage to tabs that sent observations, so it needs no
 * `tabs` permission.
 */
export interface RisksChangedNotice {
  type: 'background/risks-changed';
  account: string;
}

/** What a Gmail page reports, and the badges it asks for. */
export const gmailMessages = [
  contentGmailPageSeenSchema,
  contentGmailThreadsSeenSchema,
  contentGmailConversationSeenSchema,
  contentGmailDataSeenSchema,
  contentGetThreadRisksSchema,
] as const;

export const gmailReplies = {
  'content/gmail-page-seen': z.object({ accountsKnown: z.number().int().nonnegative() }),
  'content/gmail-threads-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/gmail-conversation-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/gmail-data-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/get-thread-risks': z.object({
    /** Threads with no client (colleagues, newsletters) are absent. */
    threads: z.array(threadRiskSchema),
    openHint: z.string(),
  }),
};
