import { z } from 'zod';
import { EMAIL_ADDRESS } from '../email-address';
import { decimalIdSchema } from '../schemas';
import {
  EARLIEST_TIME,
  LATEST_TIME,
  MAX_LABEL,
  MAX_LABELS,
  MAX_MESSAGES_PER_THREAD,
  MAX_NAME,
  MAX_RECIPIENTS,
  MAX_SNIPPET,
  MAX_SUBJECT,
} from './limits';
import type { GmailDataAddress, GmailDataHealth, GmailDataMessage, GmailDataThread } from './records';

// The background's check of what the content script says Gmail's own data
// holds. The bounds are the parser's own (./limits), so nothing the parser
// returns can fail them, and nothing a page forges can exceed them.

const time = z.number().int().min(EARLIEST_TIME).max(LATEST_TIME);
const count = z.number().int().min(0).max(1_000_000);
const countsByReason = z.record(z.string().max(40), count).refine((value) => Object.keys(value).length <= 20);

export const gmailDataAddressSchema = z.strictObject({
  email: z.string().regex(EMAIL_ADDRESS),
  name: z.string().max(MAX_NAME),
}) satisfies z.ZodType<GmailDataAddress>;

export const gmailDataMessageSchema = z.strictObject({
  messageId: decimalIdSchema,
  from: gmailDataAddressSchema,
  to: z.array(gmailDataAddressSchema).max(MAX_RECIPIENTS),
  cc: z.array(gmailDataAddressSchema).max(MAX_RECIPIENTS),
  at: time,
  snippet: z.string().max(MAX_SNIPPET).optional(),
  draft: z.boolean(),
  recipientsKnown: z.boolean().optional(),
}) satisfies z.ZodType<GmailDataMessage>;

export const gmailDataThreadSchema = z.strictObject({
  threadId: decimalIdSchema,
  legacyThreadId: z
    .string()
    .regex(/^[0-9a-f]{1,21}$/)
    .optional(),
  subject: z.string().max(MAX_SUBJECT),
  labels: z.array(z.string().min(1).max(MAX_LABEL)).max(MAX_LABELS),
  category: z.enum(['primary', 'promotions', 'social', 'updates', 'forums']).optional(),
  lastActivityAt: time.optional(),
  lastMessageId: decimalIdSchema.optional(),
  shownMessage: z
    .strictObject({ messageId: decimalIdSchema, at: time, from: gmailDataAddressSchema.optional() })
    .optional(),
  messages: z.array(gmailDataMessageSchema).max(MAX_MESSAGES_PER_THREAD),
}) satisfies z.ZodType<GmailDataThread>;

export const gmailDataHealthSchema = z.strictObject({
  payloads: count,
  recognised: count,
  threads: count,
  messages: count,
  dropped: count,
  refused: countsByReason,
  droppedBy: countsByReason.optional(),
}) satisfies z.ZodType<GmailDataHealth>;
