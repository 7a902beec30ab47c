import type * as Y from 'yjs';
import { checkSummaries } from '@/lib/team/documents';
import type { ClientSummary } from '@/lib/team/summary';

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

export function followSummaries(map: Y.Map<unknown>): CheckedSummaries {
  const valid = new Map<string, ClientSummary>();
  const invalid = new Set<string>();
  const recheck = (keys: Iterable<string>) => {
    for (const key of keys) {
      valid.delete(key);
      invalid.delete(key);
      if (!map.has(key)) continue;
      const checked = checkSummaries([[key, map.get(key)]]);
      const summary = checked.valid.get(key);
      if (summary) valid.set(key, summary);
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
