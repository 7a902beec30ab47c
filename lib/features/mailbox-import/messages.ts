import { z } from 'zod';
import { IMPORTED_ADDRESS, MAX_ID_LENGTH, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH } from '@/lib/mail-import/limits';

const importedAddressSchema = z.strictObject({
  email: z.string().regex(IMPORTED_ADDRESS),
  name: z.string().max(200).optional(),
});

/** Why a message is automated or bulk, as its source stated it (the engine's BulkEvidence). */
const bulkEvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('gmail-category'),
    category: z.enum(['promotions', 'social', 'updates', 'forums']),
  }),
  z.strictObject({
    kind: z.literal('header'),
    header: z.enum(['list-id', 'list-unsubscribe', 'precedence', 'auto-submitted']),
  }),
  z.strictObject({ kind: z.literal('calendar') }),
]);

/** One message of a mailbox export, as the import worker parsed it: headers and a snippet, never a body. */
export const importedMessageSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(MAX_ID_LENGTH + 2),
  threadId: z
    .string()
    .min(1)
    .max(MAX_ID_LENGTH + 2),
  at: z.number().int(),
  from: importedAddressSchema,
  to: z.array(importedAddressSchema).max(MAX_RECIPIENTS),
  cc: z.array(importedAddressSchema).max(MAX_RECIPIENTS),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  snippet: z.string().max(1000),
  /** The content key the import dedupes by: copies of one message under other Message-IDs share it. */
  copyKey: z.string().regex(/^[0-9a-f]{16}$/),
  bulk: bulkEvidenceSchema.optional(),
});

export const IMPORT_BATCH_MAX = 1000;

/** Only the import's own thread ids move: Gmail's are shared with the messages Gmail showed. */
const importedThreadIdSchema = z.string().regex(/^t:[0-9a-f]{16}$/);

const uiImportBatchSchema = z.strictObject({
  type: z.literal('ui/import-batch'),
  /** The user's own address in the export: whose mail it is. */
  account: z.email().max(320),
  messages: z.array(importedMessageSchema).min(1).max(IMPORT_BATCH_MAX),
  /** Threads stored earlier that turned out to be part of another, applied in order once `messages` are stored. */
  moves: z
    .array(z.strictObject({ from: importedThreadIdSchema, to: importedMessageSchema.shape.threadId }))
    .max(IMPORT_BATCH_MAX)
    .default([]),
});

/**
 * The import ended (done, cancelled or failed) after storing some batches: the
 * clients' reports are due now rather than after the pause left for more batches.
 */
const uiImportEndedSchema = z.strictObject({
  type: z.literal('ui/import-ended'),
  account: z.email().max(320),
});

/** A mailbox export's messages, stored batch by batch as the import worker parses them. */
export const mailboxImportMessages = [uiImportBatchSchema, uiImportEndedSchema] as const;

export const mailboxImportReplies = {
  'ui/import-batch': z.object({
    added: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    /** Copies of messages an earlier import stored under another Message-ID: merged into them, not stored again. */
    duplicates: z.number().int().nonnegative(),
    /** Keys of the clients the batch's messages involve. */
    clientKeys: z.array(z.string()),
  }),
  'ui/import-ended': z.object({ scheduled: z.literal(true) }),
};
