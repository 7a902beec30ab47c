import { emailsInText, normaliseEmail, readText } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// EspoCRM (self-hosted). Hash routes `#<Entity>/view/<id>`; the detail record
// is `div.detail[data-scope]` with one `div.field[data-name]` per field; its
// addresses are JavaScript links (`href="javascript:"`, the address in
// `data-email-address`), opted-out ones plain struck-through text: no
// `mailto:` anywhere (DOM notes §2.6). Fixtures in test/fixtures/crm/espocrm.

const FIELD = (name: string) => `div.field[data-name="${name}"]`;

export const ESPOCRM_SELECTORS = {
  detail: {
    css: 'div.detail[data-scope]',
    why: 'The detail record, its entity type in data-scope.',
    matches: { contact: 1, account: 1, opportunity: 1, lead: 1, 'contact-uk': 1, list: 0 },
  },
  title: {
    css: '.page-header .title',
    why: 'The record name at the end of the header breadcrumbs.',
    matches: { contact: 1, account: 1, opportunity: 1, lead: 1, 'contact-uk': 1, list: 0 },
  },
  emailLink: {
    css: `${FIELD('emailAddress')} a[data-action="mailTo"][data-email-address]`,
    why: 'Each usable address; the link itself goes nowhere.',
    matches: { contact: 2, account: 1, opportunity: 0, lead: 1, 'contact-uk': 1, list: 0 },
  },
  emailField: {
    css: FIELD('emailAddress'),
    why: 'The whole field, opted-out (struck-through, unlinked) addresses included.',
    matches: { contact: 1, account: 1, opportunity: 0, lead: 1, 'contact-uk': 1 },
  },
  company: {
    css: `${FIELD('account')}, ${FIELD('accountName')}`,
    why: 'The account of a contact or opportunity; a lead’s account name as typed.',
    matches: { contact: 1, account: 0, opportunity: 1, lead: 1, 'contact-uk': 1 },
  },
  website: {
    css: `${FIELD('website')} a[href]`,
    why: 'An account’s website.',
    matches: { contact: 0, account: 1, opportunity: 0, lead: 0 },
  },
  amount: {
    css: FIELD('amount'),
    why: 'An opportunity’s amount with its currency.',
    matches: { contact: 0, account: 0, opportunity: 1, lead: 0 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const KINDS: Record<string, CrmRoute['kind']> = {
  Contact: 'person',
  Lead: 'person',
  Account: 'company',
  Opportunity: 'deal',
};
const HASH_ROUTE = /^#(Contact|Lead|Account|Opportunity)\/view\/([\w-]{1,64})$/;

export const espocrm: CrmAdapter = {
  id: 'espocrm',
  label: 'EspoCRM',
  hosts: [],
  selectors: ESPOCRM_SELECTORS,
  titleCss: ESPOCRM_SELECTORS.title.css,
  route(url) {
    const match = HASH_ROUTE.exec(url.hash);
    const kind = match && KINDS[match[1] ?? ''];
    return kind ? { kind, recordId: match[2], type: match[1] } : undefined;
  },
  read({ document, route, missing, failed }) {
    const details = [...document.querySelectorAll(ESPOCRM_SELECTORS.detail.css)].filter(
      (d) => d.getAttribute('data-scope') === route.type,
    );
    if (details.length > 1) failed('page');
    const detail = details.length === 1 ? details[0] : undefined;
    const title = document.querySelector(ESPOCRM_SELECTORS.title.css);
    if (!detail || !title) {
      if (details.length === 0) missing('detail');
      else if (!title) missing('title');
      return undefined;
    }
    const field = detail.querySelector(ESPOCRM_SELECTORS.emailField.css);
    const linked = field
      ? [...field.querySelectorAll('a[data-action="mailTo"][data-email-address]')].map((a) =>
          normaliseEmail(a.getAttribute('data-email-address')),
        )
      : [];
    const company = detail.querySelector(ESPOCRM_SELECTORS.company.css);
    const amount = detail.querySelector(ESPOCRM_SELECTORS.amount.css);
    return {
      name: readText(title),
      emails: [...linked.filter((a): a is string => !!a), ...emailsInText(readText(field))],
      companyName: company ? readText(company.querySelector('a') ?? company) : undefined,
      companyDomain: detail.querySelector(ESPOCRM_SELECTORS.website.css)?.getAttribute('href') ?? undefined,
      amountText: amount ? readText(amount) : undefined,
    };
  },
};
