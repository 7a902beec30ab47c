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

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * True when `checked` (zod's copy of `raw`) kept every key of `raw`, at any
 * depth: the schema transforms nothing but strips unknown keys, so then `raw`
 * is what was checked.
 */
function nothingStripped(raw: unknown, checked: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return true;
  const kept = checked as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(kept, key) || !nothingStripped(value, kept[key])) return false;
  }
  return true;
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
      const checked = checkSummaries([[key, raw]]).valid.get(key);
      if (checked === undefined) invalid.add(key);
      // A value with no field unknown to this release is kept as it is, frozen, rather than as
      // zod's copy: a big team's summaries are then held once, not twice. One from a later
      // release that carries more is kept as checked, without what this one does not know.
      else valid.set(key, deepFreeze(nothingStripped(raw, checked) ? raw : checked) as ClientSummary);
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
