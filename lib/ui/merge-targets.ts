// The clients one client can be merged into. An account can have thousands,
// so they are read when the user starts a merge, never when the panel opens,
// and the control suggests only those matching what the user typed.

/** Suggestions offered at a time: enough to pick from, few enough to render at once. */
export const MERGE_SUGGESTIONS = 50;

export interface MergeTargets {
  /** The key of every other client of the account, in key order. */
  keys(): Promise<string[]>;
  /** Whether `key` is, at this moment, another client of the account. */
  has(key: string): Promise<boolean>;
}

/** The keys containing `text` (any case), those starting with it first, at most MERGE_SUGGESTIONS. */
export function mergeSuggestions(keys: readonly string[], text: string): string[] {
  const wanted = text.trim().toLowerCase();
  const starting: string[] = [];
  const containing: string[] = [];
  for (const key of keys) {
    if (starting.length >= MERGE_SUGGESTIONS) break;
    const lower = key.toLowerCase();
    if (lower.startsWith(wanted)) starting.push(key);
    else if (containing.length < MERGE_SUGGESTIONS && lower.includes(wanted)) containing.push(key);
  }
  return [...starting, ...containing].slice(0, MERGE_SUGGESTIONS);
}
