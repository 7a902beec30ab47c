import { z } from 'zod';

/** What the last retention cleanup did, or why it did nothing; kept in the extension's `storage.local`. */
export const retentionRunSchema = z.union([
  z.object({
    at: z.number(),
    snippetsCleared: z.number().int().nonnegative(),
    messagesForgotten: z.number().int().nonnegative(),
    threadsForgotten: z.number().int().nonnegative(),
  }),
  z.object({ at: z.number(), error: z.string().max(2000) }),
]);
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const RETENTION_RUN_KEY = 'retentionRun';
