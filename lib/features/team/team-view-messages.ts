import { z } from 'zod';
import type { RiskReason } from '@/lib/engine/risk-types';
import { dashboardClientSchema } from '@/lib/features/dashboard/messages';
import { REASON_KINDS } from '@/lib/team/summary';

// The team view's messages from Keepwarm's own pages to the background: the
// team's lists and one client of the merged team scope, cut to what a page
// shows (the merged scope itself never leaves the background), and which
// scope (the member's own, or the team's) the popup, side panel and Gmail
// badges follow; and the background's notice to those pages that the team
// scope changed.

export const VIEW_SCOPE_KEY = 'keepwarm-view-scope';
export const viewScopeSchema = z.enum(['mine', 'team']);
export type ViewScope = z.infer<typeof viewScopeSchema>;

export const uiSetViewScopeSchema = z.strictObject({ type: z.literal('ui/set-view-scope'), scope: viewScopeSchema });

const memberRefSchema = z.object({ memberId: z.string(), name: z.string(), self: z.boolean() });
const reasonKindSchema = z.enum(REASON_KINDS);
const levelSchema = z.enum(['low', 'watch', 'high', 'critical']);
const ignoredSchema = z.object({ stale: z.number(), future: z.number(), invalid: z.number() });
const placeSchema = memberRefSchema.extend({
  since: z.number(),
  priority: z.number(),
  urgency: z.number(),
  dueAt: z.number(),
  cue: z.enum(['cancellation', 'competitor', 'complaint', 'price']).optional(),
});

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
  place: placeSchema.optional(),
  risk: z.object({
    score: z.number(),
    level: levelSchema,
    reasons: z.array(reasonSchema),
    valueFactor: z.number(),
    model: z.object({ commit: z.string(), horizonDays: z.number() }).optional(),
  }),
  reasonMembers: z.partialRecord(reasonKindSchema, memberRefSchema),
  owner: memberRefSchema.extend({ rule: z.enum(['correction', 'two-way-contact']) }).optional(),
  ownerOverruled: z.number().int().nonnegative(),
});
export type TeamClientView = z.infer<typeof teamClientSchema>;

/**
 * Background → Keepwarm's own pages (popup, side panel, dashboard): what the
 * team scope shows may have changed (the replica, its connection, or the
 * member's own reports); ask again. Sent with runtime.sendMessage, so only
 * extension pages hear it; they check it all the same.
 */
export const teamChangedNoticeSchema = z.strictObject({ type: z.literal('background/team-changed') });
export type TeamChangedNotice = z.infer<typeof teamChangedNoticeSchema>;

/** The most rows one ask of the team's lists brings: a page of a scrolling list, never the whole team. */
export const TEAM_PAGE_MAX = 200;
/** The waiting rows a page asks for first: more than the popup's list shows at once. */
export const TEAM_FIRST_ROWS = 12;
const countSchema = z.number().int().min(1).max(TEAM_PAGE_MAX);

/** The team's lists as a page first shows them: the first `first` waiting rows, the total, and the clients at risk. */
export const uiTeamListsSchema = z.strictObject({ type: z.literal('ui/team-lists'), first: countSchema });
/** More rows of the team's waiting list, as the page scrolls to them; the reply names the version they are of. */
export const uiTeamWaitingPageSchema = z.strictObject({
  type: z.literal('ui/team-waiting-page'),
  offset: z.number().int().min(0).max(1e7),
  limit: countSchema,
});
/** One client of the team scope, whole: what the side panel and a clicked row show. */
export const uiTeamClientSchema = z.strictObject({ type: z.literal('ui/team-client'), clientKey: z.string().max(400) });

const teamWaitRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  level: levelSchema,
  score: z.number(),
  place: placeSchema,
});
export type TeamWaitRowView = z.infer<typeof teamWaitRowSchema>;
const teamRiskRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  level: levelSchema,
  score: z.number(),
  reason: reasonSchema.optional(),
  member: memberRefSchema.optional(),
});
export type TeamRiskRowView = z.infer<typeof teamRiskRowSchema>;

const notConnected = z.object({ connected: z.literal(false) });
/**
 * `version` names the order the rows are in: a page of another version comes
 * from a scope merged since, and the page asks for the lists again.
 */
export const teamListsReplySchema = z.union([
  notConnected,
  z.object({
    connected: z.literal(true),
    version: z.string(),
    waiting: z.object({ rows: z.array(teamWaitRowSchema), total: z.number().int() }),
    riskiest: z.array(teamRiskRowSchema),
    ignored: ignoredSchema,
    computedAt: z.number(),
  }),
]);
export type TeamListsReply = z.infer<typeof teamListsReplySchema>;
export const teamWaitingPageReplySchema = z.union([
  notConnected,
  z.object({
    connected: z.literal(true),
    version: z.string(),
    offset: z.number().int(),
    rows: z.array(teamWaitRowSchema),
    total: z.number().int(),
  }),
]);
export type TeamWaitingPageReply = z.infer<typeof teamWaitingPageReplySchema>;
export const teamClientReplySchema = z.union([
  notConnected,
  z.object({ connected: z.literal(true), client: teamClientSchema.optional(), computedAt: z.number() }),
]);
export type TeamClientReply = z.infer<typeof teamClientReplySchema>;

export const uiTeamDashboardSchema = z.strictObject({ type: z.literal('ui/team-dashboard') });

/** Every member's clients as the dashboard counts them, from the local copy of the team's summaries. */
export const teamDashboardReplySchema = z.union([
  z.object({ connected: z.literal(false) }),
  z.object({ connected: z.literal(true), timeZone: z.string(), clients: z.array(dashboardClientSchema) }),
]);
export type TeamDashboardReply = z.infer<typeof teamDashboardReplySchema>;

export const teamViewMessages = [
  uiTeamListsSchema,
  uiTeamWaitingPageSchema,
  uiTeamClientSchema,
  uiSetViewScopeSchema,
  uiTeamDashboardSchema,
] as const;

export const teamViewReplySchemas = {
  'ui/team-lists': teamListsReplySchema,
  'ui/team-waiting-page': teamWaitingPageReplySchema,
  'ui/team-client': teamClientReplySchema,
  'ui/set-view-scope': z.object({ saved: z.literal(true) }),
  'ui/team-dashboard': teamDashboardReplySchema,
};
