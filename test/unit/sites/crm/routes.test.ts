import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS, hostedCrmFor } from '@/lib/sites/crm/adapters';
import { parseAmount } from '@/lib/sites/crm/amount';
import type { CrmId } from '@/lib/sites/crm/types';

// Which addresses each adapter takes for a record page (DOM notes §2), and
// which it leaves alone.
const ROUTES: [CrmId, string, object | undefined][] = [
  ['hubspot', 'https://app.hubspot.com/contacts/1/record/0-1/22', { kind: 'person', recordId: '22' }],
  ['hubspot', 'https://app-eu1.hubspot.com/contacts/1/record/0-2/22/', { kind: 'company', recordId: '22' }],
  ['hubspot', 'https://app.hubspot.com/contacts/1/deal/7', { kind: 'deal', recordId: '7' }],
  ['hubspot', 'https://app.hubspot.com/contacts/1/record/0-5/22', undefined],
  ['hubspot', 'https://app.hubspot.com.evil.com/contacts/1/record/0-1/22', undefined],
  ['salesforce', 'https://x.lightning.force.com/lightning/r/Opportunity/0065g00000OpPtYAAR/view', { kind: 'deal' }],
  ['salesforce', 'https://x.lightning.force.com/lightning/r/00Q5g00000LeAdQ/view', { kind: 'person', type: 'Lead' }],
  ['salesforce', 'https://x.lightning.force.com/lightning/r/Case/5005g00000CaSeAAAZ/view', undefined],
  ['salesforce', 'https://x.lightning.force.com/lightning/o/Contact/list', undefined],
  ['pipedrive', 'https://acme.pipedrive.com/organization/9', { kind: 'company', recordId: '9' }],
  ['pipedrive', 'https://acme.pipedrive.com/leads/inbox', undefined],
  ['zoho', 'https://crm.zoho.com.au/crm/org1/tab/Accounts/123456789', { kind: 'company', type: 'Accounts' }],
  ['zoho', 'https://crm.zoho.com/crm/org1/tab/Tasks/123456789', undefined],
  ['twenty', 'https://t.example/object/opportunity/7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a', { kind: 'deal' }],
  ['twenty', 'https://t.example/objects/people', undefined],
  ['espocrm', 'https://e.example/#Lead/view/abc', { kind: 'person', type: 'Lead' }],
  ['espocrm', 'https://e.example/#Lead/edit/abc', undefined],
  ['odoo', 'https://o.example/odoo/contacts/7/res.partner/9', { kind: 'person', recordId: '9' }],
  ['odoo', 'https://o.example/web#id=3&model=crm.lead&view_type=form', { kind: 'deal', recordId: '3' }],
  ['odoo', 'https://o.example/web#model=res.partner&view_type=list', undefined],
  ['dolibarr', 'https://d.example/htdocs/societe/card.php?socid=4', { kind: 'company', recordId: '4' }],
  ['dolibarr', 'https://d.example/contact/card.php?action=create', undefined],
  ['generic', 'https://any.example/page', { kind: 'page' }],
  ['generic', 'file:///tmp/page.html', undefined],
];

describe('record routes', () => {
  it.each(ROUTES)('%s: %s', (crm, url, expected) => {
    const route = CRM_ADAPTERS[crm].route(new URL(url));
    if (expected === undefined) expect(route).toBeUndefined();
    else expect(route).toMatchObject(expected);
  });

  it.each([
    ['https://app-eu1.hubspot.com/x', 'hubspot'],
    ['https://acme--uat.sandbox.lightning.force.com/', 'salesforce'],
    ['https://crm.zoho.eu/crm/', 'zoho'],
    ['https://pipedrive.com.evil.example/', undefined],
    ['https://crm.brightpath.studio/', undefined],
  ])('the hosted CRM of %s is %s', (url, id) => {
    expect(hostedCrmFor(new URL(url))?.id).toBe(id);
  });
});

describe('deal amounts', () => {
  it.each([
    ['$12,500.00', { value: 12500 }],
    ['12.500,50 €', { value: 12500.5, currency: 'EUR' }],
    ['12 500 ₴', { value: 12500, currency: 'UAH' }],
    ["CHF 1'250.50", { value: 1250.5, currency: 'CHF' }],
    ['USD 1,234,567', { value: 1234567, currency: 'USD' }],
    ['12,5', { value: 12.5 }],
    ['£0', { value: 0, currency: 'GBP' }],
  ])('%s', (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });

  it.each(['', 'n/a', '1.2.3,4,5', '9'.repeat(20)])('%j is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});
