import { describe, expect, it } from 'vitest';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { matchCrmRecord } from '@/lib/sites/crm/client-match';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { crmExtractionSchema } from '@/lib/sites/crm/schemas';
import type { CrmId } from '@/lib/sites/crm/types';
import { loadCrmFixture, parseCrmHtml, readCrmFixture } from './fixtures';

// The pages the issue names as bad input: no exception, no wrong client, and
// a health report that says what went wrong.

const OWN = { addresses: ['olena@brightpath.studio'], internalDomains: [] };

function run(crm: CrmId, fixture: string, edit?: (document: Document) => void, url?: string) {
  const page = readCrmFixture(crm, fixture);
  if (!page) throw new Error(`missing fixture ${fixture}`);
  const address = new URL(url ?? page.url.href);
  const document = parseCrmHtml(page.html, address);
  edit?.(document);
  const result = extractCrmRecord(CRM_ADAPTERS[crm], document, address);
  expect(crmExtractionSchema.safeParse(result).success).toBe(true);
  return result;
}

const known =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key) ? key : undefined;

describe('records without an address', () => {
  it('are read, and match no client', () => {
    const { record, health } = run('hubspot', 'contact', (doc) => {
      for (const el of doc.querySelectorAll('[data-selenium-test*="email"], a[href^="mailto:"]')) el.remove();
    });
    expect(record).toMatchObject({ name: 'Jane Doe', emails: [] });
    expect(health.healthy).toBe(true);
    expect(record && matchCrmRecord(record, known('acme-logistics.com'), OWN)).toEqual({ status: 'no-address' });
  });

  it('match by the company domain when the page gives one', () => {
    const { record } = run('zoho', 'account');
    expect(record && matchCrmRecord(record, known('acme-logistics.com'), OWN)).toEqual({
      status: 'matched',
      clientKey: 'acme-logistics.com',
    });
  });
});

describe('records with ten addresses', () => {
  const tenAddresses = (doc: Document) => {
    const property = doc.querySelector('[data-selenium-test="property-input-hs_additional_emails"]');
    if (property) property.textContent = Array.from({ length: 9 }, (_, i) => `jane${i}@org${i}.com`).join(', ');
  };

  it('keep all ten, in order', () => {
    const { record, health } = run('hubspot', 'contact', tenAddresses);
    expect(record?.emails).toHaveLength(10);
    expect(record?.emails[0]).toBe('jane.doe@acme-logistics.com');
    expect(health.healthy).toBe(true);
  });

  it('name the one known client, and none when two are known', () => {
    const record = run('hubspot', 'contact', tenAddresses).record;
    if (!record) throw new Error('no record');
    expect(matchCrmRecord(record, known('org3.com'), OWN)).toEqual({ status: 'matched', clientKey: 'org3.com' });
    expect(matchCrmRecord(record, known('org3.com', 'acme-logistics.com'), OWN)).toMatchObject({
      status: 'ambiguous',
    });
  });

  it('on an ordinary page name nobody, even when one of them is known', () => {
    const record = run('generic', 'ten-addresses').record;
    if (!record) throw new Error('no record');
    expect(matchCrmRecord(record, known('org3.com'), OWN)).toMatchObject({ status: 'ambiguous' });
  });

  it('beyond the limit are cut and reported', () => {
    const { record, health } = run('generic', 'ten-addresses', (doc) => {
      for (let i = 0; i < 30; i += 1) doc.body.insertAdjacentHTML('beforeend', `<p>extra${i}@many${i}.com</p>`);
    });
    expect(record?.emails).toHaveLength(25);
    expect(health).toMatchObject({ healthy: false, failures: { emails: 1 } });
  });
});

describe('addresses behind JavaScript links (EspoCRM)', () => {
  it('are read from data-email-address, never from the href', () => {
    const { record } = run('espocrm', 'contact', (doc) => {
      const link = doc.querySelector('a[data-email-address]');
      link?.setAttribute('href', 'javascript:alert("x@evil.com")');
      link?.setAttribute('data-email-address', 'not an address');
    });
    expect(record?.emails).not.toContain('x@evil.com');
    expect(record?.emails).toContain('jane.doe@acme-logistics.com');
  });

  it('are found by the generic adapter too, from the visible text', () => {
    const { record } = run('generic', 'client-page', (doc) => {
      doc.body.innerHTML =
        readCrmFixture('espocrm', 'contact')?.html.replace(/[\s\S]*<body>|<\/body>[\s\S]*/g, '') ?? '';
    });
    expect(record?.emails).toEqual([
      'jane.doe@acme-logistics.com',
      'jd@acme-logistics.com',
      'jane.private@acme-logistics.com',
    ]);
  });
});

describe('duplicate hidden pages (Salesforce)', () => {
  it('reads only the active page', () => {
    expect(run('salesforce', 'contact').record).toMatchObject({
      name: 'Jane Doe',
      emails: ['jane.doe@acme-logistics.com'],
    });
  });

  it('reads nothing when two record pages claim to be on screen', () => {
    const { record, health } = run('salesforce', 'contact', (doc) => {
      for (const page of doc.querySelectorAll('.oneContent')) page.classList.add('active');
    });
    expect(record).toBeNull();
    expect(health).toMatchObject({ healthy: false, failures: { page: 1 } });
  });

  it('without an active marker, reads the one page not hidden', () => {
    const { record } = run('salesforce', 'contact', (doc) => {
      const [old, current] = doc.querySelectorAll('.oneContent');
      current?.classList.remove('active');
      old?.setAttribute('style', 'display: none');
    });
    expect(record?.name).toBe('Jane Doe');
  });
});

describe('console tabs (Salesforce)', () => {
  const tabs = (doc: Document) => [...doc.querySelectorAll('section.oneConsoleTab')];

  it('reads only the focused subtab of the focused workspace', () => {
    expect(run('salesforce', 'console').record).toMatchObject({
      name: 'Jane Doe',
      emails: ['jane.doe@acme-logistics.com'],
    });
  });

  it('puts the badge beside the focused record’s title', () => {
    const page = loadCrmFixture('salesforce', 'console');
    expect(page?.document.querySelector(CRM_ADAPTERS.salesforce.titleCss)?.textContent).toBe('Jane Doe');
    const single = loadCrmFixture('salesforce', 'contact');
    expect(single?.document.querySelector(CRM_ADAPTERS.salesforce.titleCss)?.textContent).toBe('Jane Doe');
  });

  it('reads nothing while no workspace is focused, or two claim to be', () => {
    const none = run('salesforce', 'console', (doc) => tabs(doc)[1]?.setAttribute('aria-expanded', 'false'));
    expect(none.record).toBeNull();
    expect(none.health.missing).toContain('page');
    const two = run('salesforce', 'console', (doc) => {
      for (const tab of tabs(doc)) {
        tab.classList.add('active');
        tab.setAttribute('aria-expanded', 'true');
      }
    });
    expect(two.record).toBeNull();
    expect(two.health).toMatchObject({ healthy: false, failures: { page: 1 } });
  });

  it('reads nothing from a focused subtab that is hidden, nor from one inside a workspace not focused', () => {
    const hidden = run('salesforce', 'console', (doc) =>
      tabs(doc)[1]?.querySelector('.lafPageHost.active')?.classList.add('slds-hide'),
    );
    expect(hidden.record).toBeNull();
    const nested = run('salesforce', 'console', (doc) => {
      const [background, focused] = tabs(doc);
      if (background && focused) focused.querySelector('.lafPageHost.active')?.append(background);
      background?.classList.add('active');
      background?.setAttribute('aria-expanded', 'true');
      focused?.setAttribute('aria-expanded', 'false');
    });
    expect(nested.record).toBeNull();
  });
});

describe('pages that merely look like records', () => {
  it('a record address showing a list yields nothing and says what is missing', () => {
    const hubspot = run('hubspot', 'list', undefined, 'https://app.hubspot.com/contacts/21456789/record/0-1/5101');
    expect(hubspot.record).toBeNull();
    expect(hubspot.health).toMatchObject({ seen: 1, parsed: 0, healthy: false, missing: ['highlight'] });
    const twenty = run(
      'twenty',
      'list',
      undefined,
      'https://crm.brightpath.studio/object/person/5f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    );
    expect(twenty.record).toBeNull();
  });

  it('an EspoCRM page whose detail is of another entity than the address says yields nothing', () => {
    const { record } = run(
      'espocrm',
      'contact',
      undefined,
      'https://crm.brightpath.studio/#Account/view/6561f0a2b3c4d5e6f',
    );
    expect(record).toBeNull();
  });

  it('a record page of one CRM on another CRM’s host is not read', () => {
    const page = loadCrmFixture('hubspot', 'contact');
    if (!page) throw new Error('missing fixture');
    const url = new URL('https://acme.pipedrive.com/contacts/21456789/record/0-1/5101');
    expect(extractCrmRecord(CRM_ADAPTERS.hubspot, page.document, url).record).toBeNull();
  });

  it('broken mailto escapes and odd values do not throw', () => {
    const { record } = run('twenty', 'person', (doc) => {
      doc.querySelector('a[href^="mailto:"]')?.setAttribute('href', 'mailto:%E0%A4%A,%ZZ?subject=%');
    });
    expect(record?.emails).toEqual(['jd@acme-logistics.com']);
  });

  it('a page with an address only of the user’s own offers nothing to watch', () => {
    const { record } = run('generic', 'no-address', (doc) => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        '<a href="mailto:olena@brightpath.studio">me</a> <a href="mailto:noreply@acme.com">x</a>',
      );
    });
    expect(record && matchCrmRecord(record, (key) => key, OWN)).toEqual({ status: 'no-address' });
  });

  it('an unknown client is offered for watching', () => {
    const { record } = run('generic', 'client-page');
    expect(record && matchCrmRecord(record, () => undefined, OWN)).toEqual({
      status: 'unknown',
      candidates: ['acme-logistics.com'],
    });
  });
});
