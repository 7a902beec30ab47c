import { z } from 'zod';
import { EMAIL_ADDRESS } from '../gmail/email-address';
import { healthSchema } from '../gmail/schemas';
import { CRM_IDS, type CrmExtraction, type CrmRecord, MAX_RECORD_EMAILS } from './types';

// The background's check of what a CRM content script sends: bounded so that a
// hostile page cannot make the background store megabytes per record.

const shortText = (max: number) => z.string().max(max);

export const crmIdSchema = z.enum(CRM_IDS);

export const crmRecordSchema = z.strictObject({
  crm: crmIdSchema,
  kind: z.enum(['person', 'company', 'deal', 'page']),
  recordId: z
    .string()
    .regex(/^[\w.:-]{1,100}$/)
    .optional(),
  name: z.string().min(1).max(300),
  emails: z.array(z.string().regex(EMAIL_ADDRESS)).max(MAX_RECORD_EMAILS),
  companyName: shortText(300).min(1).optional(),
  companyDomain: z
    .string()
    .regex(/^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/)
    .optional(),
  amount: z
    .strictObject({
      value: z.number().min(0).max(1e12),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
    })
    .optional(),
  activities: z
    .array(
      z.strictObject({
        at: z
          .number()
          .int()
          .min(Date.UTC(2000, 0, 1)),
        label: shortText(200),
      }),
    )
    .max(200),
}) satisfies z.ZodType<CrmRecord>;

export const crmExtractionSchema = z.strictObject({
  record: crmRecordSchema.nullable(),
  health: healthSchema,
}) satisfies z.ZodType<CrmExtraction>;
