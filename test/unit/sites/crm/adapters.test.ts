import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { crmExtractionSchema } from '@/lib/sites/crm/schemas';
import type { CrmId, CrmRecord } from '@/lib/sites/crm/types';
import { loadCrmFixture, ownFixtureNames } from './fixtures';

// What each adapter reads from each of its pages. `null` pages are not records:
// they must yield nothing, however many addresses they show.

type Expected = Partial<CrmRecord> | null;

const ACME = 'jane.doe@acme-logistics.com';

const EXPECTED: Record<CrmId, Record<string, Expected>> = {
  hubspot: {
    contact: {
      kind: 'person',
      recordId: '5101',
      name: 'Jane Doe',
      emails: [ACME, 'j.doe@acme-logistics.com'],
      companyName: 'Acme Logistics',
      activities: [
        { at: Date.parse('2026-11-12T09:30:00Z'), label: 'Email: Contract renewal' },
        { at: Date.parse('2026-10-02T13:00:00Z'), label: 'Meeting: Quarterly review' },
      ],
    },
    'contact-de': {
      kind: 'person',
      name: 'Jürgen Weiß',
      emails: ['j.weiss@baeckerei-weiss.de'],
      companyName: 'Bäckerei Weiß GmbH',
      activities: [{ at: Date.parse('2026-11-18T08:15:00Z'), label: 'E-Mail: Angebot Dezember' }],
    },
    company: {
      kind: 'company',
      name: 'Acme Logistics',
      emails: [ACME, 'omar@acme-logistics.com'],
      companyDomain: 'acme-logistics.com',
    },
    deal: {
      kind: 'deal',
      recordId: '9001',
      name: 'Acme – warehouse rollout',
      emails: [ACME],
      companyName: 'Acme Logistics',
      amount: { value: 48500, currency: 'EUR' },
      activities: [{ at: Date.parse('2026-11-03T10:00:00Z'), label: 'Deal stage changed to Proposal' }],
    },
    list: null,
  },
  salesforce: {
    contact: {
      kind: 'person',
      recordId: '0035g00000AbCdEAAZ',
      name: 'Jane Doe',
      emails: [ACME],
      companyName: 'Acme Logistics',
    },
    'contact-uk': {
      kind: 'person',
      name: 'Олена Коваль',
      emails: ['olena.koval@drukarnia.com.ua'],
      companyName: 'Друкарня «Київ»',
    },
    account: {
      kind: 'company',
      name: 'Acme Logistics',
      emails: [ACME, 'omar@acme-logistics.com'],
      companyDomain: 'acme-logistics.com',
    },
    lead: {
      kind: 'person',
      name: 'Ms. Priya Natarajan',
      emails: ['priya@lotus-dental.in'],
      companyName: 'Lotus Dental Clinic',
    },
    opportunity: {
      kind: 'deal',
      name: 'Acme – warehouse rollout',
      emails: [ACME],
      companyName: 'Acme Logistics',
      amount: { value: 48500, currency: 'EUR' },
    },
    // Only the focused subtab of the focused workspace: neither the other workspace nor the Account beside it.
    console: {
      kind: 'person',
      recordId: '0035g00000AbCdEAAZ',
      name: 'Jane Doe',
      emails: [ACME],
      companyName: 'Acme Logistics',
    },
    list: null,
  },
  pipedrive: {
    person: {
      kind: 'person',
      recordId: '318',
      name: 'Jane Doe',
      emails: [ACME, 'jane@doe-family.net'],
      companyName: 'Acme Logistics',
      activities: [
        { at: Date.parse('2026-11-10T14:00:00Z'), label: 'Call about renewal' },
        { at: Date.parse('2026-10-28T09:12:00Z'), label: 'Email: Re: invoice' },
      ],
    },
    'person-ru': {
      kind: 'person',
      name: 'Пётр Иванов',
      emails: ['p.ivanov@stroy-grad.ru'],
      companyName: 'ООО «СтройГрад»',
      activities: [{ at: Date.parse('2026-11-16T07:30:00Z'), label: 'Звонок по договору' }],
    },
    organization: { kind: 'company', name: 'Acme Logistics', emails: [ACME], companyDomain: 'acme-logistics.com' },
    deal: {
      kind: 'deal',
      name: 'Acme warehouse rollout',
      emails: [ACME],
      companyName: 'Acme Logistics',
      amount: { value: 12500, currency: 'EUR' },
      activities: [{ at: Date.parse('2026-11-05T10:00:00Z'), label: 'Proposal sent' }],
    },
    list: null,
  },
  zoho: {
    contact: {
      kind: 'person',
      recordId: '5725767000000412001',
      name: 'Jane Doe',
      emails: [ACME, 'jane.doe@gmail.com'],
      companyName: 'Acme Logistics',
    },
    'contact-fr': {
      kind: 'person',
      name: 'Élodie Moreau',
      emails: ['elodie@atelier-moreau.fr'],
      companyName: 'Atelier Moreau SARL',
    },
    account: { kind: 'company', name: 'Acme Logistics', emails: [], companyDomain: 'acme-logistics.com' },
    deal: {
      kind: 'deal',
      name: 'Acme warehouse rollout',
      emails: [],
      amount: { value: 18250 },
      companyName: 'Acme Logistics',
    },
    lead: {
      kind: 'person',
      name: 'Priya Natarajan',
      emails: ['priya@lotus-dental.in'],
      companyName: 'Lotus Dental Clinic',
    },
    list: null,
  },
  twenty: {
    person: {
      kind: 'person',
      recordId: '5f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      name: 'Jane Doe',
      emails: [ACME, 'jd@acme-logistics.com'],
      companyName: 'Acme Logistics',
      activities: [{ at: Date.parse('2026-11-19T16:45:00Z'), label: 'Email “Renewal terms” received' }],
    },
    'person-uk': {
      kind: 'person',
      name: 'Олена Коваль',
      emails: ['olena.koval@drukarnia.com.ua'],
      companyName: 'Друкарня «Київ»',
      activities: [{ at: Date.parse('2026-11-17T10:00:00Z'), label: 'Зустріч' }],
    },
    company: { kind: 'company', name: 'Acme Logistics', emails: [ACME], companyDomain: 'acme-logistics.com' },
    opportunity: {
      kind: 'deal',
      name: 'Warehouse rollout',
      emails: [ACME],
      amount: { value: 48500 },
      companyName: 'Acme Logistics',
    },
    list: null,
  },
  espocrm: {
    contact: {
      kind: 'person',
      recordId: '6561f0a2b3c4d5e6f',
      name: 'Jane Doe',
      emails: [ACME, 'jd@acme-logistics.com', 'jane.private@acme-logistics.com'],
      companyName: 'Acme Logistics',
    },
    'contact-uk': {
      kind: 'person',
      name: 'Олена Коваль',
      emails: ['olena.koval@drukarnia.com.ua'],
      companyName: 'Друкарня «Київ»',
    },
    account: {
      kind: 'company',
      name: 'Acme Logistics',
      emails: ['info@acme-logistics.com'],
      companyDomain: 'acme-logistics.com',
    },
    opportunity: { kind: 'deal', name: 'Warehouse rollout', emails: [], amount: { value: 48500, currency: 'EUR' } },
    lead: { kind: 'person', name: 'Tom Baker', emails: ['tom.baker@gmail.com'], companyName: 'Harbor Bistro' },
    list: null,
  },
  odoo: {
    partner: { kind: 'person', recordId: '7', name: 'Jane Doe', emails: [ACME], companyName: 'Acme Logistics' },
    'partner-uk': {
      kind: 'person',
      recordId: '31',
      name: 'Олена Коваль',
      emails: ['olena.koval@drukarnia.com.ua'],
      companyName: 'Друкарня «Київ»',
    },
    company: {
      kind: 'company',
      name: 'Acme Logistics',
      emails: ['info@acme-logistics.com', ACME, 'omar@acme-logistics.com'],
      companyDomain: 'acme-logistics.com',
    },
    opportunity: {
      kind: 'deal',
      recordId: '12',
      name: 'Acme warehouse rollout',
      emails: [ACME],
      companyName: 'Acme Logistics, Jane Doe',
      amount: { value: 12000, currency: 'EUR' },
    },
    list: null,
  },
  dolibarr: {
    'real-contact': {
      kind: 'person',
      recordId: '1',
      name: 'Jane Doe',
      emails: ['jane.doe@acme-logistics.example'],
      companyName: 'Acme Logistics GmbH',
    },
    'real-thirdparty': { kind: 'company', name: 'Acme Logistics GmbH', emails: ['info@acme-logistics.example'] },
    'real-thirdparty-contacts': {
      kind: 'company',
      name: 'Acme Logistics GmbH',
      emails: ['info@acme-logistics.example'],
    },
    'real-contact-list': null,
    'contact-fr': {
      kind: 'person',
      recordId: '42',
      name: 'Élodie Moreau',
      emails: ['elodie@atelier-moreau.fr', 'compta@atelier-moreau.fr'],
      companyName: 'Atelier Moreau SARL',
    },
    'thirdparty-list-fr': null,
  },
  generic: {
    'client-page': {
      kind: 'page',
      name: 'Acme Logistics',
      emails: [ACME, 'olena@brightpath.studio', 'billing@acme-logistics.com'],
    },
    'invoice-uk': {
      kind: 'page',
      name: 'Рахунок № 117 — Друкарня «Київ»',
      emails: ['olena.koval@drukarnia.com.ua', 'бухгалтерія@друкарня.укр'],
    },
    'no-address': { kind: 'page', name: 'Harbor Bistro', emails: [] },
    'ten-addresses': {
      kind: 'page',
      name: 'Directory',
      emails: Array.from({ length: 10 }, (_, i) => `person${i + 1}@org${i + 1}.com`),
    },
  },
};

const cases = Object.entries(EXPECTED).flatMap(([crm, pages]) =>
  Object.entries(pages).map(([fixture, expected]) => ({ crm: crm as CrmId, fixture, expected })),
);

describe('CRM adapters on their pages', () => {
  it.each(cases)('$crm reads $fixture', ({ crm, fixture, expected }) => {
    const page = loadCrmFixture(crm, fixture);
    if (!page) return;
    const result = extractCrmRecord(CRM_ADAPTERS[crm], page.document, page.url);
    expect(crmExtractionSchema.safeParse(result).success).toBe(true);
    if (expected === null) {
      expect(result.record).toBeNull();
      expect(result.health.seen).toBe(0);
      return;
    }
    expect(result.record).toMatchObject({ crm, activities: [], ...expected });
    expect(result.health).toMatchObject({ seen: 1, parsed: 1, healthy: true, missing: [] });
  });

  it.each(Object.keys(EXPECTED))('every own %s fixture has expectations and appears in the selector table', (crm) => {
    const adapter = CRM_ADAPTERS[crm as CrmId];
    const inTable = new Set(Object.values(adapter.selectors).flatMap((spec) => Object.keys(spec.matches)));
    for (const name of ownFixtureNames(crm)) {
      expect(EXPECTED[crm as CrmId], name).toHaveProperty([name]);
      expect(inTable.has(name), name).toBe(true);
    }
  });
});
