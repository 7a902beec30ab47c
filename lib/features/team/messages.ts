import { z } from 'zod';
import { teamIdSchema } from '@/lib/team/documents';

// The team feature's messages from Keepwarm's own pages to the background, and
// the replies. Tokens travel only in ui/team-connect; no reply ever carries one.

export const uiTeamConnectSchema = z.strictObject({
  type: z.literal('ui/team-connect'),
  /** As the user typed it; the background checks it (connection-settings.ts). */
  address: z.string().min(1).max(500),
  teamId: teamIdSchema,
  token: z.string().min(1).max(200),
});

export const uiTeamStatusSchema = z.strictObject({ type: z.literal('ui/team-status') });

export const uiTeamLeaveSchema = z.strictObject({
  type: z.literal('ui/team-leave'),
  /** Also empty the member's own document on the server, so colleagues no longer see their summaries. */
  deleteOwnDocument: z.boolean(),
});

export const teamMemberStatusSchema = z.object({
  name: z.string(),
  self: z.boolean(),
  revoked: z.boolean(),
  clients: z.number().int().nonnegative(),
});

export const teamStatusSchema = z.object({
  connected: z.boolean(),
  /** The server's address and the team, never the token. */
  url: z.string().optional(),
  teamId: z.string().optional(),
  state: z.enum(['connecting', 'connected', 'refused', 'offline']).optional(),
  synced: z.boolean(),
  members: z.array(teamMemberStatusSchema),
  /** Replicated values dropped because they failed validation. */
  invalid: z.number().int().nonnegative(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const teamMessages = [uiTeamConnectSchema, uiTeamStatusSchema, uiTeamLeaveSchema] as const;

export const teamReplySchemas = {
  'ui/team-connect': z.union([
    z.object({ connected: z.literal(true) }),
    z.object({ problem: z.enum(['address', 'token', 'permission']) }),
  ]),
  'ui/team-status': teamStatusSchema,
  /** deletedOnServer: false when asked but the server could not be reached in time (the document stays there). */
  'ui/team-leave': z.object({ left: z.literal(true), deletedOnServer: z.boolean() }),
};
