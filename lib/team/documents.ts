import { z } from 'zod';
import { type ClientSummary, clientSummarySchema } from './summary';

// The layout of a team's documents on its server. Each member publishes into
// a document of their own, which only they may write: a Y.Map of client
// summaries keyed by client key. The roster (who is in the team) is written by
// the server alone; the team document holds the corrections every member may
// add. Names carry the team, so the server can tell whose document is whose.

export const SUMMARIES_MAP = 'summaries';
export const ROSTER_MAP = 'members';
export const CORRECTIONS_ARRAY = 'corrections';

const idSchema = z.string().regex(/^[a-z0-9]{6,40}$/);
export const teamIdSchema = idSchema;
export const memberIdSchema = idSchema;

export type DocumentRef =
  | { teamId: string; kind: 'member'; memberId: string }
  | { teamId: string; kind: 'roster' }
  | { teamId: string; kind: 'team' };

export function documentName(ref: DocumentRef): string {
  return ref.kind === 'member' ? `keepwarm/${ref.teamId}/member/${ref.memberId}` : `keepwarm/${ref.teamId}/${ref.kind}`;
}

export function parseDocumentName(name: string): DocumentRef | undefined {
  const parts = name.split('/');
  if (parts[0] !== 'keepwarm' || !idSchema.safeParse(parts[1]).success) return undefined;
  const teamId = parts[1] as string;
  if (parts.length === 4 && parts[2] === 'member' && idSchema.safeParse(parts[3]).success) {
    return { teamId, kind: 'member', memberId: parts[3] as string };
  }
  if (parts.length === 3 && (parts[2] === 'roster' || parts[2] === 'team')) return { teamId, kind: parts[2] };
  return undefined;
}

// A plain z.object: a roster written by a later server that says more of a
// member is read without what this release does not know; a wrong name or
// revocation still drops the entry, counted.
export const rosterEntrySchema = z.object({
  name: z.string().min(1).max(100),
  /** Revoked members stay listed, so their colleagues' browsers can drop what they had published. */
  revoked: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Entries as read from a replicated map: the valid ones, and how many were dropped. */
export interface Checked<T> {
  valid: Map<string, T>;
  invalid: number;
}

/** Validates each value of a replicated map; a key must be what the value says it is. */
export function checkEntries<T>(
  entries: Iterable<[string, unknown]>,
  schema: z.ZodType<T>,
  keyOf?: (value: T) => string,
): Checked<T> {
  const valid = new Map<string, T>();
  let invalid = 0;
  for (const [key, raw] of entries) {
    const parsed = schema.safeParse(raw);
    if (parsed.success && (keyOf === undefined || keyOf(parsed.data) === key)) valid.set(key, parsed.data);
    else invalid += 1;
  }
  return { valid, invalid };
}

export function checkSummaries(entries: Iterable<[string, unknown]>): Checked<ClientSummary> {
  return checkEntries(entries, clientSummarySchema, (summary) => summary.clientKey);
}

export function checkRoster(entries: Iterable<[string, unknown]>): Checked<RosterEntry> {
  const checked = checkEntries(entries, rosterEntrySchema);
  for (const key of checked.valid.keys()) {
    if (!memberIdSchema.safeParse(key).success) {
      checked.valid.delete(key);
      checked.invalid += 1;
    }
  }
  return checked;
}
