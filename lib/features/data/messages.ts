import { z } from 'zod';
import { backupSchema } from '@/lib/data/backup-format';

/**
 * One part of a backup to restore (a large backup exceeds what one message
 * carries). When the last part arrives, everything stored is replaced by the
 * whole backup in one transaction; an invalid row refuses it all.
 */
export const uiImportDataSchema = z
  .strictObject({
    type: z.literal('ui/import-data'),
    importId: z.string().min(1).max(100),
    part: z.number().int().nonnegative(),
    parts: z.number().int().positive().max(10_000),
    backup: backupSchema,
  })
  .refine((m) => m.part < m.parts, { message: 'part must be below parts', path: ['part'] });

const uiDeleteAllDataSchema = z.strictObject({ type: z.literal('ui/delete-all-data') });

/** Deletes one Gmail account's history, clients, corrections and settings; other accounts stay. */
const uiDeleteAccountDataSchema = z.strictObject({
  type: z.literal('ui/delete-account-data'),
  account: z.email().max(320),
});

/** Restoring a backup and deleting data. */
export const dataMessages = [uiImportDataSchema, uiDeleteAllDataSchema, uiDeleteAccountDataSchema] as const;

export const dataReplies = {
  'ui/import-data': z.union([
    /** Rows restored per table, once the last part arrived. */
    z.object({ imported: z.record(z.string(), z.number().int().nonnegative()) }),
    z.object({ received: z.number().int().positive() }),
  ]),
  'ui/delete-all-data': z.object({ saved: z.literal(true) }),
  'ui/delete-account-data': z.object({ saved: z.literal(true) }),
};
