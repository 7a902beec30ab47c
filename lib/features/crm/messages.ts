import { z } from 'zod';
import { clientKeySchema } from '@/lib/messaging/client-key';
import { crmExtractionSchema, crmIdSchema } from '@/lib/sites/crm/schemas';

const contentCrmRecordSeenSchema = z.strictObject({
  type: z.literal('content/crm-record-seen'),
  crm: crmIdSchema,
  extraction: crmExtractionSchema,
});

const uiGetCrmSitesSchema = z.strictObject({ type: z.literal('ui/get-crm-sites') });

/** Switches a CRM on (its host permission already granted by the user) or off; self-hosted ones name their address. */
const uiSetCrmSiteSchema = z.strictObject({
  type: z.literal('ui/set-crm-site'),
  crm: crmIdSchema.exclude(['generic']),
  enabled: z.boolean(),
  address: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

/** The user's click on a record of no known client: watch its domain or address from now on. */
const uiWatchClientSchema = z.strictObject({
  type: z.literal('ui/watch-client'),
  account: z.email().max(320),
  clientKey: clientKeySchema,
});

/** Forgets what the CRM taught about a client (addresses, domain, activities, amount) and stops watching it. */
const uiForgetCrmLearningSchema = z.strictObject({
  type: z.literal('ui/forget-crm-learning'),
  account: z.email().max(320),
  clientKey: clientKeySchema,
});

/** The toolbar button's request: read the page of this tab (granted by activeTab) for clients. */
const uiReadPageSchema = z.strictObject({
  type: z.literal('ui/read-page'),
  tabId: z.number().int().nonnegative(),
});

const crmSiteSchema = z.object({ crm: crmIdSchema, origins: z.array(z.string()) });
export type CrmSite = z.infer<typeof crmSiteSchema>;

const crmRecordReplySchema = z.object({
  match: z.enum(['matched', 'unknown', 'ambiguous', 'no-address', 'unreadable']),
  client: z
    .object({
      /** The mail account whose report this is: the side panel opens the client there. */
      account: z.string(),
      key: z.string(),
      name: z.string(),
      score: z.number(),
      level: z.enum(['low', 'watch', 'high', 'critical']),
    })
    .optional(),
  candidates: z.array(z.string()),
});
export type CrmRecordReply = z.infer<typeof crmRecordReplySchema>;

/** CRM record pages, the CRMs switched on, and what a CRM taught about a client. */
export const crmMessages = [
  contentCrmRecordSeenSchema,
  uiGetCrmSitesSchema,
  uiSetCrmSiteSchema,
  uiReadPageSchema,
  uiWatchClientSchema,
  uiForgetCrmLearningSchema,
] as const;

export const crmReplies = {
  'content/crm-record-seen': crmRecordReplySchema,
  'ui/get-crm-sites': z.object({ sites: z.array(crmSiteSchema) }),
  'ui/set-crm-site': z.object({ saved: z.literal(true) }),
  'ui/read-page': z.object({ read: z.boolean() }),
  'ui/watch-client': z.object({ saved: z.literal(true) }),
  'ui/forget-crm-learning': z.object({ saved: z.literal(true) }),
};
