import { z } from 'zod';
import { backtestMessages, backtestReplies } from '@/lib/features/backtest/messages';
import { clientCorrectionMessages, clientCorrectionReplies } from '@/lib/features/client-corrections/messages';
import { crmMessages, crmReplies } from '@/lib/features/crm/messages';
import { dashboardMessages, dashboardReplies } from '@/lib/features/dashboard/messages';
import { dataMessages, dataReplies } from '@/lib/features/data/messages';
import { followUpMessages, followUpReplies } from '@/lib/features/follow-ups/messages';
import { gmailMessages, gmailReplies } from '@/lib/features/gmail/messages';
import { mailboxImportMessages, mailboxImportReplies } from '@/lib/features/mailbox-import/messages';
import { settingsMessages, settingsReplies } from '@/lib/features/settings/messages';
import { sidePanelMessages, sidePanelReplies } from '@/lib/features/side-panel/messages';
import { statusMessages, statusReplies } from '@/lib/features/status/messages';
import { teamMessages, teamReplySchemas } from '@/lib/features/team/messages';
import { teamViewMessages, teamViewReplySchemas } from '@/lib/features/team/team-view-messages';

// Every message that crosses into the background is parsed with these schemas:
// content scripts run inside pages we do not control, so what they send is
// untrusted input. Message names say the direction (content/…, ui/…). Each
// feature defines its own messages and replies (lib/features/<feature>/messages.ts);
// this is only their assembly.

export const toBackgroundSchema = z.discriminatedUnion('type', [
  ...gmailMessages,
  ...crmMessages,
  ...sidePanelMessages,
  ...statusMessages,
  ...followUpMessages,
  ...settingsMessages,
  ...clientCorrectionMessages,
  ...mailboxImportMessages,
  ...dataMessages,
  ...dashboardMessages,
  ...backtestMessages,
  ...teamMessages,
  ...teamViewMessages,
]);
export type ToBackground = z.infer<typeof toBackgroundSchema>;

/** What the background answers to each message, by message type. */
export const replySchemas = {
  ...gmailReplies,
  ...crmReplies,
  ...sidePanelReplies,
  ...statusReplies,
  ...followUpReplies,
  ...settingsReplies,
  ...clientCorrectionReplies,
  ...mailboxImportReplies,
  ...dataReplies,
  ...dashboardReplies,
  ...backtestReplies,
  ...teamReplySchemas,
  ...teamViewReplySchemas,
} satisfies Record<ToBackground['type'], z.ZodType>;

export type ReplyTo<T extends ToBackground['type']> = z.infer<(typeof replySchemas)[T]>;
