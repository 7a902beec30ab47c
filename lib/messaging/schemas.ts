import { z } from 'zod';
import { backupSchema } from '@/lib/data/backup-format';
import {
  teamReplySchemas,
  uiTeamConnectSchema,
  uiTeamLeaveSchema,
  uiTeamStatusSchema,
} from '@/lib/features/team/messages';
import { teamViewReplySchemas, uiSetViewScopeSchema, uiTeamScopeSchema } from '@/lib/features/team/team-view-messages';
import { IMPORTED_ADDRESS, MAX_ID_LENGTH, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH } from '@/lib/mail-import/limits';
import { userSettingsSchema } from '@/lib/settings/user-settings';
import { crmExtractionSchema, crmIdSchema } from '@/lib/sites/crm/schemas';
import { gmailDataHealthSchema, gmailDataThreadSchema } from '@/lib/sites/gmail/page-data/schemas';
import { conversationSchema, decimalIdSchema, healthSchema, threadRowSchema } from '@/lib/sites/gmail/schemas';
import { MAX_DATA_THREADS, MAX_RISK_THREADS } from './limits';

// Every message that crosses into the background is parsed with these schemas:
// content scripts run inside pages we do not control, so what they send is
// untrusted input. Message names say the direction (content/…, ui/…).

export const gmailAccountSchema = z.strictObject({
  /** The account part of the URL: `u/0`, or `b/<delegate>/u/0` for a delegated mailbox. */
  accountPath: z.string().min(1).max(200),
  /** The signed-in address when the page shows it; never guessed from a display name. */
  address: z.email().max(320).optional(),
});

export const contentGmailPageSeenSchema = z.strictObject({
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

export const contentGmailConversationSeenSchema = z.strictObject({
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
export const contentGmailDataSeenSchema = z.strictObject({
  type: z.literal('content/gmail-data-seen'),
  account: knownAccountSchema,
  pageLanguage: z.string().max(35).optional(),
  health: gmailDataHealthSchema,
  threads: z.array(gmailDataThreadSchema).max(MAX_DATA_THREADS),
});
export type ContentGmailDataSeen = z.infer<typeof contentGmailDataSeenSchema>;

/** The risk badges of the threads a Gmail page shows. */
export const contentGetThreadRisksSchema = z.strictObject({
  type: z.literal('content/get-thread-risks'),
  account: z.email().max(320),
  threadIds: z.array(decimalIdSchema).max(MAX_RISK_THREADS),
});

/** A click on a badge: show this client in the side panel of the tab it came from. */
export const contentOpenClientPanelSchema = z.strictObject({
  type: z.literal('content/open-client-panel'),
  account: z.email().max(320),
  clientKey: z.string().min(1).max(400),
});

export const uiGetStatusSchema = z.strictObject({ type: z.literal('ui/get-status') });

export const uiSetFollowUpSchema = z.strictObject({
  type: z.literal('ui/set-follow-up'),
  account: z.email().max(320),
  clientKey: z.string().min(1).max(400),
  key: z.string().min(1).max(600),
  status: z.enum(['done', 'dismissed', 'snoozed']),
  snoozedUntil: z.number().int().positive().optional(),
});

export const uiGetSettingsSchema = z.strictObject({ type: z.literal('ui/get-settings') });

export const uiSetSettingsSchema = z.strictObject({
  type: z.literal('ui/set-settings'),
  /** The whole record, validated here like every message: an invalid one is refused, nothing stored. */
  settings: userSettingsSchema,
});

const clientKeySchema = z.string().trim().toLowerCase().min(1).max(400);

/** Each field: a value sets it, `null` clears it, absent leaves it as it is. */
export const uiSetClientOverrideSchema = z.strictObject({
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
export const uiSplitAddressSchema = z.strictObject({
  type: z.literal('ui/split-address'),
  account: z.email().max(320),
  address: z.email().max(320).toLowerCase(),
  split: z.boolean(),
});

export const contentCrmRecordSeenSchema = z.strictObject({
  type: z.literal('content/crm-record-seen'),
  crm: crmIdSchema,
  extraction: crmExtractionSchema,
});

export const uiGetCrmSitesSchema = z.strictObject({ type: z.literal('ui/get-crm-sites') });

/** Switches a CRM on (its host permission already granted by the user) or off; self-hosted ones name their address. */
export const uiSetCrmSiteSchema = z.strictObject({
  type: z.literal('ui/set-crm-site'),
  crm: crmIdSchema.exclude(['generic']),
  enabled: z.boolean(),
  address: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

/** The user's click on a record of no known client: watch its domain or address from now on. */
export const uiWatchClientSchema = z.strictObject({
  type: z.literal('ui/watch-client'),
  account: z.email().max(320),
  clientKey: clientKeySchema,
});

/** Forgets what the CRM taught about a client (addresses, domain, activities, amount) and stops watching it. */
export const uiForgetCrmLearningSchema = z.strictObject({
  type: z.literal('ui/forget-crm-learning'),
  account: z.email().max(320),
  clientKey: clientKeySchema,
});

/** A click on the badge of a record of no known client: open the side panel, which offers to watch it. */
export const contentOpenSidePanelSchema = z.strictObject({ type: z.literal('content/open-side-panel') });

/** The toolbar button's request: read the page of this tab (granted by activeTab) for clients. */
export const uiReadPageSchema = z.strictObject({
  type: z.literal('ui/read-page'),
  tabId: z.number().int().nonnegative(),
});

export const crmSiteSchema = z.object({ crm: crmIdSchema, origins: z.array(z.string()) });
export type CrmSite = z.infer<typeof crmSiteSchema>;

export const crmRecordReplySchema = z.object({
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

export const uiDeleteAllDataSchema = z.strictObject({ type: z.literal('ui/delete-all-data') });

/** Deletes one Gmail account's history, clients, corrections and settings; other accounts stay. */
export const uiDeleteAccountDataSchema = z.strictObject({
  type: z.literal('ui/delete-account-data'),
  account: z.email().max(320),
});

const importedAddressSchema = z.strictObject({
  email: z.string().regex(IMPORTED_ADDRESS),
  name: z.string().max(200).optional(),
});

/** Why a message is automated or bulk, as its source stated it (the engine's BulkEvidence). */
export const bulkEvidenceSchema = z.discriminatedUnion('kind', [
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

export const uiImportBatchSchema = z.strictObject({
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
export const uiImportEndedSchema = z.strictObject({
  type: z.literal('ui/import-ended'),
  account: z.email().max(320),
});

export const toBackgroundSchema = z.discriminatedUnion('type', [
  contentCrmRecordSeenSchema,
  uiGetCrmSitesSchema,
  uiSetCrmSiteSchema,
  uiReadPageSchema,
  contentGmailPageSeenSchema,
  contentGmailThreadsSeenSchema,
  contentGmailConversationSeenSchema,
  contentGmailDataSeenSchema,
  contentGetThreadRisksSchema,
  contentOpenClientPanelSchema,
  contentOpenSidePanelSchema,
  uiWatchClientSchema,
  uiForgetCrmLearningSchema,
  uiGetStatusSchema,
  uiSetFollowUpSchema,
  uiGetSettingsSchema,
  uiSetSettingsSchema,
  uiSetClientOverrideSchema,
  uiSplitAddressSchema,
  uiImportBatchSchema,
  uiImportEndedSchema,
  uiImportDataSchema,
  uiDeleteAllDataSchema,
  uiDeleteAccountDataSchema,
  uiTeamConnectSchema,
  uiTeamStatusSchema,
  uiTeamLeaveSchema,
  uiTeamScopeSchema,
  uiSetViewScopeSchema,
]);
export type ToBackground = z.infer<typeof toBackgroundSchema>;

export const accountStatusSchema = z.object({
  /** Where Gmail shows the account (`u/0`); missing while it is known only from an import. */
  accountPath: z.string().optional(),
  address: z.string().optional(),
  lastSeenAt: z.number(),
  lastView: z.string(),
  /** When its mail was last imported, and how many of its messages are stored. */
  imported: z.object({ at: z.number(), messages: z.number().int().nonnegative() }).optional(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;
/** An account as a Gmail page showed it. */
export type GmailAccountSeen = AccountStatus & { accountPath: string };

const riskLevelSchema = z.enum(['low', 'watch', 'high', 'critical']);

/** One thread's badge, every text already in the user's language. */
export const threadRiskSchema = z.object({
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

/** What the background answers to each message, by message type. */
export const replySchemas = {
  'content/gmail-page-seen': z.object({ accountsKnown: z.number().int().nonnegative() }),
  'content/gmail-threads-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/gmail-conversation-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/gmail-data-seen': z.object({ stored: z.number().int().nonnegative() }),
  'content/get-thread-risks': z.object({
    /** Threads with no client (colleagues, newsletters) are absent. */
    threads: z.array(threadRiskSchema),
    openHint: z.string(),
  }),
  'content/open-client-panel': z.object({ opened: z.boolean() }),
  'content/open-side-panel': z.object({ opened: z.boolean() }),
  'ui/watch-client': z.object({ saved: z.literal(true) }),
  'ui/forget-crm-learning': z.object({ saved: z.literal(true) }),
  'ui/set-follow-up': z.object({ saved: z.literal(true) }),
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
  'content/crm-record-seen': crmRecordReplySchema,
  'ui/get-crm-sites': z.object({ sites: z.array(crmSiteSchema) }),
  'ui/set-crm-site': z.object({ saved: z.literal(true) }),
  'ui/read-page': z.object({ read: z.boolean() }),
  'ui/get-status': z.object({
    accounts: z.array(accountStatusSchema),
    rejectedMessages: z.number().int().nonnegative(),
  }),
  'ui/get-settings': z.object({ settings: userSettingsSchema }),
  'ui/set-settings': z.object({ saved: z.literal(true) }),
  'ui/set-client-override': z.object({ saved: z.literal(true) }),
  'ui/split-address': z.object({ saved: z.literal(true) }),
  'ui/import-data': z.union([
    /** Rows restored per table, once the last part arrived. */
    z.object({ imported: z.record(z.string(), z.number().int().nonnegative()) }),
    z.object({ received: z.number().int().positive() }),
  ]),
  'ui/delete-all-data': z.object({ saved: z.literal(true) }),
  'ui/delete-account-data': z.object({ saved: z.literal(true) }),
  ...teamReplySchemas,
  ...teamViewReplySchemas,
} satisfies Record<ToBackground['type'], z.ZodType>;

export type ReplyTo<T extends ToBackground['type']> = z.infer<(typeof replySchemas)[T]>;

/** A message the background refused, with the reason; never thrown across the boundary. */
export const refusalSchema = z.object({ refused: z.string() });
