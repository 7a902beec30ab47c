import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { crmExtractionSchema } from '@/lib/sites/crm/schemas';
import { captureConsole } from './capture';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/crm');
const fixture = (crm: string, name: string) => path.join(FIXTURES, crm, `${name}.html`);

afterEach(() => vi.restoreAllMocks());

async function extract(args: string[]) {
  const { out, err } = captureConsole();
  const code = await main(['extract', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('keepwarm extract <crm>', () => {
  it('prints the record of a saved HubSpot deal', async () => {
    const { code, out } = await extract([
      'hubspot',
      fixture('hubspot', 'deal'),
      '--url',
      'https://app.hubspot.com/contacts/21456789/deal/9001',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({
      crm: 'hubspot',
      route: { kind: 'deal', recordId: '9001' },
      record: { kind: 'deal', name: 'Acme – warehouse rollout', amount: { value: 48500, currency: 'EUR' } },
      health: { healthy: true },
    });
    const { crm: _, route: __, ...extraction } = result;
    expect(crmExtractionSchema.safeParse(extraction).success).toBe(true);
  });

  it('reads addresses a saved Salesforce page keeps in shadow roots', async () => {
    const { out } = await extract([
      'salesforce',
      fixture('salesforce', 'contact'),
      '--url',
      'https://acme-corp.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view',
    ]);
    expect(JSON.parse(out).record).toMatchObject({ name: 'Jane Doe', emails: ['jane.doe@acme-logistics.com'] });
  });

  it('prints no record, and says so, for an address that names none', async () => {
    const { code, out } = await extract([
      'pipedrive',
      fixture('pipedrive', 'person'),
      '--url',
      'https://brightpath.pipedrive.com/persons/list',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ crm: 'pipedrive', route: null, record: null, health: { seen: 0 } });
  });

  it('runs the generic adapter on any page', async () => {
    const { out } = await extract([
      'generic',
      fixture('generic', 'client-page'),
      '--url',
      'https://intranet.example/x',
    ]);
    expect(JSON.parse(out).record.emails).toContain('billing@acme-logistics.com');
  });

  it('lists the CRMs in its help', async () => {
    const { out } = await extract(['--help']);
    expect(out).toMatch(/Sites: gmail, hubspot, salesforce, pipedrive, zoho, twenty, espocrm, odoo, dolibarr, generic/);
  });

  it.each([
    [['odoo', fixture('odoo', 'partner')], 2, /--url is required/],
    [['odoo', '/nonexistent.html', '--url', 'https://o.example/odoo/contacts/7'], 1, /cannot read/],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    const result = await extract(args);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
  });
});
