// The rules a stored or user-entered correction of a client must keep, checked
// where one enters (the background, before it stores it). Apart from
// overrides.ts, which applies them, so that running the engine does not load
// zod: the command line's report loads nothing it does not run.
import { z } from 'zod';
import type { ClientOverrides } from './overrides';

const overrideSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  mergeInto: z.string().trim().toLowerCase().min(1).optional(),
  ignore: z.boolean().optional(),
  include: z.boolean().optional(),
  value: z.number().finite().nonnegative().optional(),
  tier: z.enum(['key', 'standard', 'minor']).optional(),
  quietUntil: z.number().finite().optional(),
});

const overridesSchema = z.strictObject({
  clients: z.record(z.string().trim().toLowerCase().min(1), overrideSchema).optional(),
  splitAddresses: z.array(z.string().trim().toLowerCase().includes('@')).optional(),
});

export class OverridesError extends Error {}

/** Validates stored or user-entered overrides; throws an OverridesError naming each bad field. */
export function parseClientOverrides(input: unknown): ClientOverrides {
  const result = overridesSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'overrides'}: ${issue.message}`);
    throw new OverridesError(`invalid client overrides: ${problems.join('; ')}`);
  }
  return result.data;
}
