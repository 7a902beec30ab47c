import { z } from 'zod';
import type { RiskReason } from '@/lib/engine/risk-types';
import { dashboardClientSchema } from '@/lib/features/dashboard/messages';
import { REASON_KINDS } from '@/lib/team/summary';

// The team view's messages from Keepwarm's own pages to the background: the
// merged team scope to show, and which scope (the member's own, or the team's)
// the popup, side panel and Gmail badges follow; and the background's notice
// to those pages that the team scope changed.

export const VIEW_SCOPE_KEY = 'keepwarm-view-scope';
export const viewScopeSchema = z.enum(['mine', 'team']);
export type ViewScope = z.infer<typeof viewScopeSchema>;

export const uiTeamScopeSchema = z.strictObject({ type: z.literal('ui/team-scope') });
export const uiSetViewScopeSchema = z.strictObject({ type: z.literal('ui/set-view-scope'), scope: viewScopeSchema });

const memberRefSchema = z.object({ memberId: z.string(), name: z.string(), self: z.boolean() });
const reasonKindSchema = z.enum(REASON_KINDS);

/** The background's own reasons, made by the engine: the pages render them as they do a member's. */
const reasonSchema = z.custom<RiskReason>(
  (raw) => reasonKindSchema.safeParse((raw as { kind?: unknown } | null)?.kind).success,
);

export const teamClientSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['org', 'person']),
  tier: z.enum(['key', 'standard', 'minor']).optional(),
  value: z.number().optional(),
  contacts: z.array(
    memberRefSchema.extend({
      lastInboundAt: z.number().optional(),
      lastOutboundAt: z.number().optional(),
      lastAt: z.number(),
      waitingOnMemberSince: z.number().optional(),
      chance: z.number(),
    }),
  ),
  waits: z.array(memberRefSchema.extend({ since: z.number() })),
  /** Its place in the team's waiting list: the same weighing and "why" as the account's rows. */
  place: memberRefSchema
    .extend({
      since: z.number(),
      priority: z.number(),
      urgency: z.number(),
      dueAt: z.number(),
      cue: z.enum(['cancellation', 'competitor', 'complaint', 'price']).optional(),
    })
    .optional(),
  risk: z.object({
    score: z.number(),
    level: z.enum(['low', 'watch', 'high', 'critical']),
    reasons: z.array(reasonSchema),
    valueFactor: z.number(),
    model: z.object({ commit: z.string(), horizonDays: z.number() }).optional(),
  }),
  reasonMembers: z.partialRecord(reasonKindSchema, memberRefSchema),
  owner: memberRefSchema.extend({ rule: z.enum(['correction', 'two-way-contact']) }).optional(),
  ownerOverruled: z.number().int().nonnegative(),
});
export type TeamClientView = z.infer<typeof teamClientSchema>;

export const teamScopeReplySchema = z.union([
  z.object({ connected: z.literal(false) }),
  z.object({
    connected: z.literal(true),
    clients: z.array(teamClientSchema),
    /** Summaries not shown: stale, dated ahead of this browser's clock, or failing validation. */
    ignored: z.object({ stale: z.number(), future: z.number(), invalid: z.number() }),
    computedAt: z.number(),
  }),
]);
export type TeamScopeReply = z.infer<typeof teamScopeReplySchema>;

/**
 * Background → Keepwarm's own pages (popup, side panel, dashboard): what the
 * team scope shows may have changed (the replica, its connection, or the
 * member's own reports); ask again. Sent with runtime.sendMessage, so only
 * extension pages hear it; they check it all the same.
 */
export const teamChangedNoticeSchema = z.strictObject({ type: z.literal('background/team-changed') });
export type TeamChangedNotice = z.infer<typeof teamChangedNoticeSchema>;

export const uiTeamDashboardSchema = z.strictObject({ type: z.literal('ui/team-dashboard') });

/** Every member's clients as the dashboard counts them, from the local copy of the team's summaries. */
export const teamDashboardReplySchema = z.union([
  z.object({ connected: z.literal(false) }),
  z.object({ connected: z.literal(true), timeZone: z.string(), clients: z.array(dashboardClientSchema) }),
]);
export type TeamDashboardReply = z.infer<typeof teamDashboardReplySchema>;

export const teamViewMessages = [uiTeamScopeSchema, uiSetViewScopeSchema, uiTeamDashboardSchema] as const;

export const teamViewReplySchemas = {
  'ui/team-scope': teamScopeReplySchema,
  'ui/set-view-scope': z.object({ saved: z.literal(true) }),
  'ui/team-dashboard': teamDashboardReplySchema,
};
