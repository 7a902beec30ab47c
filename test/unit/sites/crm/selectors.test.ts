import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { queryDeep } from '@/lib/sites/crm/page';
import { loadCrmFixture } from './fixtures';

// Generated from the adapters' selector tables: every selector matches each
// listed page exactly as often as its table says (inside shadow roots too).
const cases = Object.values(CRM_ADAPTERS).flatMap((adapter) =>
  Object.entries(adapter.selectors).flatMap(([name, spec]) =>
    Object.entries(spec.matches).map(([fixture, count]) => ({ crm: adapter.id, name, css: spec.css, fixture, count })),
  ),
);

describe('CRM selector tables', () => {
  it.each(cases)('$crm $name matches $fixture $count times', ({ crm, css, fixture, count }) => {
    const page = loadCrmFixture(crm, fixture);
    if (!page) return;
    expect(queryDeep(page.document, css).length).toBe(count);
  });
});
