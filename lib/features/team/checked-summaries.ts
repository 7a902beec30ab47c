import type * as Y from 'yjs';
import { checkSummaries } from '@/lib/team/documents';
import { type ClientSummary, exactSummarySchema } from '@/lib/team/summary';

// A member's summaries as the team view shows them, kept checked as they
// change: each replicated value is validated once, when it arrives or changes,
// instead of every summary of every member on every look at the view. A big
// team's document arrives as thousands of changes; re-checking everything on
// each of them made replication grow with the square of the team's size.

export interface CheckedSummaries {
  /** The valid summaries, by client key (the view's own copy). */
  valid(): Map<string, ClientSummary>;
  /** How many values failed validation and are left out. */
  invalid(): number;
  stop(): void;
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function followSummaries(map: Y.Map<unknown>): CheckedSummaries {
  const valid = new Map<string, ClientSummary>();
  const invalid = new Set<string>();
  const recheck = (keys: Iterable<string>) => {
    for (const key of keys) {
      valid.delete(key);
      invalid.delete(key);
      if (!map.has(key)) continue;
      const raw = map.get(key);
      // A value with no field unknown to this release passes the exact checks and is kept as it
      // is, frozen, rather than as zod's copy: a big team's summaries are then held once, not
      // twice. One from a later release that carries more is kept as checked, without what this
      // one does not know; the second check runs for those alone.
      const exact = exactSummarySchema.safeParse(raw);
      const checked = exact.success ? undefined : checkSummaries([[key, raw]]).valid.get(key);
      if (exact.success && exact.data.clientKey === key) valid.set(key, deepFreeze(raw) as ClientSummary);
      else if (checked !== undefined) valid.set(key, deepFreeze(checked) as ClientSummary);
      else invalid.add(key);
    }
  };
  const observer = (event: Y.YMapEvent<unknown>) => recheck(event.keysChanged);
  recheck(map.keys());
  map.observe(observer);
  return {
    valid: () => new Map(valid),
    invalid: () => invalid.size,
    stop: () => map.unobserve(observer),
  };
}
