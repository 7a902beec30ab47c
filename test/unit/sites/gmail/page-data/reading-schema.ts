import { z } from 'zod';
import { MAX_THREADS } from '@/lib/sites/gmail/page-data/limits';
import type { GmailDataReading } from '@/lib/sites/gmail/page-data/records';
import { gmailDataHealthSchema, gmailDataThreadSchema } from '@/lib/sites/gmail/page-data/schemas';

// A whole reading of Gmail's data, checked with the background's own schemas:
// what the parser returns must always pass them. Only the tests check a whole
// reading; the background checks the threads and the health it is sent.
export const gmailDataReadingSchema = z.strictObject({
  threads: z.array(gmailDataThreadSchema).max(MAX_THREADS),
  health: gmailDataHealthSchema,
}) satisfies z.ZodType<GmailDataReading>;
