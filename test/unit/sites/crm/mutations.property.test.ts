import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { crmExtractionSchema } from '@/lib/sites/crm/schemas';
import type { CrmId } from '@/lib/sites/crm/types';
import { domMutation, mutate } from '../dom-mutations';
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

const mutation = domMutation(ATTRIBUTES, VALUES, { text: true });

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
