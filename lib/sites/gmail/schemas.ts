import { z } from 'zod';
import { EMAIL_ADDRESS } from './email-address';
import type { ConversationRecord, Health, ThreadRowRecord } from './records';

// The background's check of what a Gmail content script sends. Bounds are
// generous for real mail and tight enough that a hostile page cannot make the
// background store megabytes per record.

export const decimalIdSchema = z.string().regex(/^\d{1,25}$/);
const hexId = z.string().regex(/^[0-9a-f]{1,21}$/);
const time = z
  .number()
  .int()
  .min(Date.UTC(2004, 3, 1));
const shortText = (max: number) => z.string().max(max);

export const participantSchema = z.strictObject({
  email: z.string().regex(EMAIL_ADDRESS),
  name: shortText(200),
  isMe: z.boolean(),
});

export const threadRowSchema = z.strictObject({
  threadId: decimalIdSchema.optional(),
  legacyThreadId: hexId.optional(),
  lastMessageId: decimalIdSchema.optional(),
  subject: shortText(1000),
  snippet: shortText(500),
  participants: z.array(participantSchema).max(100),
  unread: z.boolean(),
  messageCount: z.number().int().min(1).max(10_000),
  hasDraft: z.boolean(),
  lastActivityAt: time.optional(),
  timeSource: z.enum(['id', 'title']).optional(),
  dateTitle: shortText(120).optional(),
}) satisfies z.ZodType<ThreadRowRecord>;

export const messageSchema = z.strictObject({
  messageId: decimalIdSchema.optional(),
  from: participantSchema.optional(),
  to: z.array(participantSchema).max(100),
  at: time.optional(),
  timeSource: z.enum(['id', 'title']).optional(),
  dateTitle: shortText(120).optional(),
  state: z.enum(['expanded', 'collapsed']),
});

export const conversationSchema = z.strictObject({
  threadId: decimalIdSchema.optional(),
  legacyThreadId: hexId.optional(),
  subject: shortText(1000),
  messages: z.array(messageSchema).max(500),
  foldedCount: z.number().int().min(0).max(10_000),
}) satisfies z.ZodType<ConversationRecord>;

export const healthSchema = z.strictObject({
  seen: z.number().int().min(0),
  parsed: z.number().int().min(0),
  failures: z.record(z.string().max(40), z.number().int().min(0)),
  missing: z.array(z.string().max(40)).max(50),
  healthy: z.boolean(),
}) satisfies z.ZodType<Health>;
