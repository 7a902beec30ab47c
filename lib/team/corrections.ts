import { z } from 'zod';
import { checkEntries, memberIdSchema } from './documents';

// Corrections a member makes for the whole team (a client's name, value, tier,
// owner, or a merge into another client). They are appended to one list in
// the team document, never overwritten in place, so concurrent edits of two
// members both arrive. The rule: for each client and field, the latest
// correction wins; a correction another member wrote without having seen the
// winner (written before it, or at the same time elsewhere) is kept and listed
// beside the winner as overruled, so the user sees both sides and can choose.

// Each kind is a plain z.object, which drops keys it does not know: a
// correction from a later release that says one more thing is read by this
// one without it (nothing unknown is kept or shown), while every field this
// release knows is checked exactly and a wrong one still refuses the
// correction. A field name this release does not know is a wrong value of
// `field`, and is refused: it cannot say what it corrects.

const time = z.number().int().min(0).max(8.64e15);
const base = {
  clientKey: z.string().min(1).max(400),
  by: memberIdSchema,
  at: time,
  /** When the winning correction this one replaces was written (0 when none): what its writer had seen. */
  basedOn: time,
};

export const correctionSchema = z.discriminatedUnion('field', [
  z.object({ ...base, field: z.literal('name'), value: z.string().trim().min(1).max(200).nullable() }),
  z.object({ ...base, field: z.literal('value'), value: z.number().finite().min(0).max(1e12).nullable() }),
  z.object({ ...base, field: z.literal('tier'), value: z.enum(['key', 'standard', 'minor']).nullable() }),
  /** The member who owns the relationship. */
  z.object({ ...base, field: z.literal('owner'), value: memberIdSchema.nullable() }),
  z.object({ ...base, field: z.literal('mergeInto'), value: z.string().min(1).max(400).nullable() }),
]);
export type Correction = z.infer<typeof correctionSchema>;
export type CorrectionField = Correction['field'];

/** The team document's corrections as read: the valid ones in their order, and how many were refused. */
export function checkCorrections(values: readonly unknown[]): { valid: Correction[]; invalid: number } {
  const checked = checkEntries(
    values.map((value, i): [string, unknown] => [String(i), value]),
    correctionSchema,
  );
  return { valid: [...checked.valid.values()], invalid: checked.invalid };
}

export interface ResolvedField {
  winner: Correction;
  /** Other members' latest corrections its writer had not seen, with another value: the conflict to show. */
  overruled: Correction[];
}

/** Later wins; at the same millisecond the member id decides, the same way in every browser. */
function later(a: Correction, b: Correction): boolean {
  return a.at !== b.at ? a.at > b.at : a.by > b.by;
}

/** Per client key and field, the correction in force and the ones it overruled. */
export function resolveCorrections(
  corrections: readonly Correction[],
): Map<string, Map<CorrectionField, ResolvedField>> {
  // Each member's latest word per client and field: a member changing their own mind is no conflict.
  const latest = new Map<string, Correction>();
  for (const c of corrections) {
    const key = `${c.clientKey}\u0000${c.field}\u0000${c.by}`;
    const held = latest.get(key);
    if (held === undefined || later(c, held)) latest.set(key, c);
  }
  const byField = new Map<string, Correction[]>();
  for (const c of latest.values()) {
    const key = `${c.clientKey}\u0000${c.field}`;
    byField.set(key, [...(byField.get(key) ?? []), c]);
  }
  const resolved = new Map<string, Map<CorrectionField, ResolvedField>>();
  for (const entries of byField.values()) {
    const winner = entries.reduce((best, c) => (later(c, best) ? c : best));
    const overruled = entries.filter(
      (c) => c !== winner && c.at > winner.basedOn && JSON.stringify(c.value) !== JSON.stringify(winner.value),
    );
    const fields = resolved.get(winner.clientKey) ?? new Map<CorrectionField, ResolvedField>();
    fields.set(winner.field, { winner, overruled });
    resolved.set(winner.clientKey, fields);
  }
  return resolved;
}
