import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { crmExtractionSchema } from '@/lib/sites/crm/schemas';
import type { CrmId } from '@/lib/sites/crm/types';
import { ownFixtureNames, parseCrmHtml, readCrmFixture } from './fixtures';

// CRMs change their markup without notice. Whatever is removed, renamed or
// moved on a record page, the adapters must not throw and must not emit a
// record the background would reject.

const ATTRIBUTES = [
  'href',
  'class',
  'data-selenium-test',
  'data-testid',
  'data-zcqa',
  'data-name',
  'data-scope',
  'data-email-address',
  'data-target-selection-name',
  'data-action',
  'datetime',
  'title',
  'name',
  'value',
  'checked',
  'hidden',
  'style',
  'id',
];
const VALUES = [
  '',
  'mailto:',
  'mailto:%',
  'mailto:a@b',
  'mailto:"quoted"@example.com',
  'mailto:пётр@почта.рф?cc=x@y.com',
  'javascript:',
  'active',
  'display:none',
  'oneContent active',
  'company',
  'highlightTitle',
  'detailView_title',
  'record-name',
  '2026-13-45T99:99:99Z',
  '1999-01-01T00:00:00Z',
  'https://',
  'www.',
  '9'.repeat(400),
  '\u202e',
  '<b>x</b>',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('attribute' as const),
    pick: fc.nat(),
    name: fc.constantFrom(...ATTRIBUTES),
    value: fc.option(fc.constantFrom(...VALUES)),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: fc.string({ maxLength: 40 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Document, mutations: Mutation[]): void {
  for (const m of mutations) {
    const elements = [...doc.body.querySelectorAll('*')];
    if (elements.length === 0) return;
    const element = elements[m.pick % elements.length] as Element;
    if (m.kind === 'remove') element.remove();
    else if (m.kind === 'attribute') {
      if (m.value === null) element.removeAttribute(m.name);
      else element.setAttribute(m.name, m.value);
    } else if (m.kind === 'text') element.textContent = m.value;
    else {
      const target = elements[m.to % elements.length] as Element;
      if (!element.contains(target)) target.append(element);
    }
  }
}

const pages = (Object.keys(CRM_ADAPTERS) as CrmId[]).flatMap((crm) =>
  [...ownFixtureNames(crm), ...(crm === 'dolibarr' ? ['real-contact', 'real-thirdparty-contacts'] : [])].map(
    (fixture) => ({ crm, fixture }),
  ),
);

describe.each(pages)('mutated $crm $fixture', ({ crm, fixture }) => {
  const page = readCrmFixture(crm, fixture);
  it.skipIf(!page)(
    'never throws and never emits an invalid record',
    () => {
      if (!page) return;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 20 }), (mutations) => {
          const doc = parseCrmHtml(page.html, page.url);
          mutate(doc, mutations);
          const result = extractCrmRecord(CRM_ADAPTERS[crm], doc, page.url);
          expect(crmExtractionSchema.safeParse(result).success).toBe(true);
          expect(result.health.parsed).toBeLessThanOrEqual(result.health.seen);
          if (result.record === null) expect(result.health.parsed).toBe(0);
        }),
        { numRuns: 25 },
      );
    },
    60_000,
  );
});
