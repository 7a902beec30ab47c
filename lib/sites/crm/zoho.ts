import { emailsInText, mailtoEmails, readText } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Zoho CRM (`crm.zoho.<data centre>`), the current "NextGen" UI: QA hooks
// `data-zcqa` (DOM notes §2.4). Field hooks `data-zcqa="detailView_<API name>"`
// follow that convention [verify]; the classic UI's `#subvalue_<FIELD>` ids
// are read too. Fixtures in test/fixtures/crm/zoho.

const FIELD = (api: string, classic: string) => `[data-zcqa="detailView_${api}"], #subvalue_${classic}`;

export const ZOHO_SELECTORS = {
  detail: {
    css: '[data-zcqa="detailView"], #detailView',
    why: 'The record detail view (NextGen, then classic).',
    matches: { contact: 1, account: 1, deal: 1, lead: 1, 'contact-fr': 1, list: 0 },
  },
  title: {
    css: '[data-zcqa="detailView_title"], #headervalue_FULLNAME',
    why: 'The record name in the detail header.',
    matches: { contact: 1, account: 1, deal: 1, lead: 1, 'contact-fr': 1, list: 0 },
  },
  email: {
    css: `${FIELD('Email', 'EMAIL')}, ${FIELD('Secondary_Email', 'SECONDARYEMAIL')}`,
    why: 'Primary and secondary address fields.',
    matches: { contact: 2, account: 0, deal: 0, lead: 1, 'contact-fr': 1 },
  },
  company: {
    css: `${FIELD('Account_Name', 'ACCOUNTID')}, ${FIELD('Company', 'COMPANY')}`,
    why: 'The account of a contact or deal; a lead’s company.',
    matches: { contact: 1, account: 0, deal: 1, lead: 1, 'contact-fr': 1 },
  },
  website: {
    css: FIELD('Website', 'WEBSITE'),
    why: 'An account’s website.',
    matches: { contact: 0, account: 1, deal: 0, lead: 0 },
  },
  amount: {
    css: FIELD('Amount', 'AMOUNT'),
    why: 'A deal’s amount with its currency.',
    matches: { contact: 0, account: 0, deal: 1, lead: 0 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const MODULES: Record<string, CrmRoute['kind']> = {
  Contacts: 'person',
  Leads: 'person',
  Accounts: 'company',
  Potentials: 'deal',
  Deals: 'deal',
};
const HOST = /^crm\.zoho\.(?:com|eu|in|com\.au|jp|ca|sa|com\.cn|uk)$/;
const RECORD_PATH = /^\/crm\/(?:org\d{1,20}\/)?tab\/(\w+)\/(\d{5,25})\/?$/;

export const zoho: CrmAdapter = {
  id: 'zoho',
  label: 'Zoho CRM',
  hosts: ['com', 'eu', 'in', 'com.au', 'jp', 'ca', 'sa', 'com.cn', 'uk'].map((tld) => `https://crm.zoho.${tld}/*`),
  selectors: ZOHO_SELECTORS,
  titleCss: ZOHO_SELECTORS.title.css,
  route(url) {
    if (!HOST.test(url.hostname)) return undefined;
    const match = RECORD_PATH.exec(url.pathname);
    const kind = match && MODULES[match[1] ?? ''];
    return kind ? { kind, recordId: match[2], type: match[1] } : undefined;
  },
  read({ document, route, missing }) {
    const detail = document.querySelector(ZOHO_SELECTORS.detail.css);
    const title = detail?.querySelector(ZOHO_SELECTORS.title.css);
    if (!detail || !title) {
      missing(detail ? 'title' : 'detail');
      return undefined;
    }
    const emailFields = [...detail.querySelectorAll(ZOHO_SELECTORS.email.css)];
    const value = (css: string) => {
      const field = detail.querySelector(css);
      return field ? readText(field.querySelector('a') ?? field) : undefined;
    };
    const website = detail.querySelector(ZOHO_SELECTORS.website.css);
    return {
      name: readText(title),
      emails: [...mailtoEmails(emailFields), ...emailFields.flatMap((field) => emailsInText(readText(field)))],
      companyName: route.kind === 'company' ? undefined : value(ZOHO_SELECTORS.company.css),
      companyDomain: website
        ? (website.querySelector('a[href]')?.getAttribute('href') ?? readText(website))
        : undefined,
      amountText: route.kind === 'deal' ? value(ZOHO_SELECTORS.amount.css) : undefined,
    };
  },
};
