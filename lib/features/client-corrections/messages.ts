import { z } from 'zod';
import { clientKeySchema } from '@/lib/messaging/client-key';

/** Each field: a value sets it, `null` clears it, absent leaves it as it is. */
const uiSetClientOverrideSchema = z.strictObject({
  type: z.literal('ui/set-client-override'),
  account: z.email().max(320),
  clientKey: clientKeySchema,
  override: z.strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    mergeInto: clientKeySchema.nullable().optional(),
    ignore: z.boolean().nullable().optional(),
    /** "This is a client": a client set aside as automated or bulk mail counts again. */
    include: z.boolean().nullable().optional(),
    value: z.number().finite().nonnegative().max(1e15).nullable().optional(),
    tier: z.enum(['key', 'standard', 'minor']).nullable().optional(),
    quietUntil: z.number().int().positive().nullable().optional(),
  }),
});

/** Takes one person out of their organisation to be a client of their own, or puts them back. */
const uiSplitAddressSchema = z.strictObject({
  type: z.literal('ui/split-address'),
  account: z.email().max(320),
  address: z.email().max(320).toLowerCase(),
  split: z.boolean(),
});

/** The user's corrections of who a client is: name, merge, tier or value, ignore, include, split. */
export const clientCorrectionMessages = [uiSetClientOverrideSchema, uiSplitAddressSchema] as const;

export const clientCorrectionReplies = {
  'ui/set-client-override': z.object({ saved: z.literal(true) }),
  'ui/split-address': z.object({ saved: z.literal(true) }),
};
