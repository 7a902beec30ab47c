import { describe, expect, it } from 'vitest';
import type { SelectorSpec } from '@/lib/sites/gmail/selector-spec';
import { SELECTORS } from '@/lib/sites/gmail/selectors';
import { loadFixture } from './fixtures';

// Generated from the selector table: every selector and every dated fallback
// matches each listed page exactly as often as the table says.
const cases = Object.entries(SELECTORS as Record<string, SelectorSpec>).flatMap(([name, spec]) => [
  ...Object.entries(spec.matches).map(([fixture, count]) => ({ name, css: spec.css, fixture, count })),
  ...(spec.fallbacks ?? []).flatMap((fallback) =>
    Object.entries(fallback.matches).map(([fixture, count]) => ({
      name: `${name} (${fallback.era})`,
      css: fallback.css,
      fixture,
      count,
    })),
  ),
]);

// Each page parsed once: the real 2025 pages are 3.5 MB each.
const parsed = new Map<string, Document | undefined>();
function page(fixture: string): Document | undefined {
  if (!parsed.has(fixture)) parsed.set(fixture, loadFixture(fixture));
  return parsed.get(fixture);
}

describe('Gmail selector table', () => {
  it.each(cases)('$name matches $fixture $count times', ({ css, fixture, count }) => {
    const doc = page(fixture);
    if (!doc) return;
    expect(doc.querySelectorAll(css).length).toBe(count);
  });
});
