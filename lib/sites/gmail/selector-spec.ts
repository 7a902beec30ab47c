// The shape of a Gmail selector table entry: the selector, the markup it
// replaced, and how often it must match each fixture page (checked by
// test/unit/sites/gmail/selectors.test.ts).

/** Markup Gmail wrote before; tried in order when the current selector matches nothing (as InboxSDK does). */
export interface DatedFallback {
  css: string;
  /** When Gmail wrote this markup. */
  era: string;
  matches: Record<string, number>;
}

export interface SelectorSpec {
  css: string;
  fallbacks?: DatedFallback[];
  /** For a selector that is one class, the class: read with getElementsByClassName, much cheaper per row. */
  className?: string;
  why: string;
  matches: Record<string, number>;
}
