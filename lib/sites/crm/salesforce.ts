import { deepText, isHidden, mailtoAddresses, queryDeep, shadowRoots } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Salesforce Lightning (`*.lightning.force.com`). Lightning keeps pages opened
// before in the DOM, hidden; only the active one is read, and two visible
// record pages mean the page cannot be read with confidence. Field values may
// sit in open shadow roots. Labels are localized, so fields are found by
// `data-target-selection-name` (the field's API name). Console apps keep one
// workspace tab per record, each with its own subtab pages: only the active
// page of the focused workspace is the record being read. DOM notes §2.2;
// fixtures in test/fixtures/crm/salesforce.

const FIELD = (name: string) => `[data-target-selection-name$=".${name}"]`;

export const SALESFORCE_SELECTORS = {
  page: {
    css: '.lafSinglePaneWindowManager > .oneContent',
    why: 'One record page each; hidden ones are earlier pages Lightning keeps around.',
    matches: { contact: 2, account: 1, lead: 1, opportunity: 1, 'contact-uk': 1, list: 1, console: 0 },
  },
  activePage: {
    css: '.lafSinglePaneWindowManager > .oneContent.active',
    why: 'The page on screen.',
    matches: { contact: 1, account: 1, lead: 1, opportunity: 1, 'contact-uk': 1, list: 1 },
  },
  consoleTab: {
    css: 'section.oneConsoleTab',
    why: 'A console app’s workspace tab; all but the focused one are records the user is not reading.',
    matches: { console: 2, contact: 0, account: 0, list: 0 },
  },
  consolePage: {
    css: 'section.oneConsoleTab.active[aria-expanded="true"] > .lafPageHost.active',
    why: 'The focused subtab of the focused workspace tab.',
    matches: { console: 1, contact: 0, account: 0, list: 0 },
  },
  title: {
    css: '.slds-page-header__title',
    why: 'The highlights panel title; the name is in lightning-formatted-name or -text inside.',
    matches: { contact: 2, account: 1, lead: 1, opportunity: 1, 'contact-uk': 1, list: 0, console: 3 },
  },
  email: {
    css: FIELD('Email'),
    why: 'The Email field of a Contact or Lead; its link may live in a shadow root.',
    matches: { contact: 2, account: 0, lead: 1, opportunity: 0, 'contact-uk': 1 },
  },
  contactEmail: {
    css: 'lightning-formatted-email',
    why: 'Every address the page renders, e.g. the contact roles of an Account or Opportunity.',
    matches: { contact: 2, account: 2, lead: 1, opportunity: 1, 'contact-uk': 1, list: 0 },
  },
  company: {
    css: `${FIELD('AccountId')}, ${FIELD('Company')}`,
    why: 'The account a Contact or Opportunity belongs to; a Lead’s company as typed.',
    matches: { contact: 2, account: 0, lead: 1, opportunity: 1, 'contact-uk': 1 },
  },
  website: {
    css: FIELD('Website'),
    why: 'An Account’s website.',
    matches: { contact: 0, account: 1, lead: 0, opportunity: 0 },
  },
  amount: {
    css: FIELD('Amount'),
    why: 'An Opportunity’s amount as shown, with its currency.',
    matches: { contact: 0, account: 0, lead: 0, opportunity: 1 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const OBJECTS: Record<string, CrmRoute['kind']> = {
  Contact: 'person',
  Lead: 'person',
  Account: 'company',
  Opportunity: 'deal',
};
// Record id key prefixes, for links that leave the object name out.
const PREFIXES: Record<string, string> = { '003': 'Contact', '00Q': 'Lead', '001': 'Account', '006': 'Opportunity' };
const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z]\w{0,79})\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

/** In a console app: the focused page, when exactly one page of a focused workspace holds a record. */
function consolePage(document: Document): Element | undefined | 'ambiguous' {
  const focused = (tab: Element) => tab.classList.contains('active') && tab.getAttribute('aria-expanded') === 'true';
  const pages = [...document.querySelectorAll(SALESFORCE_SELECTORS.consolePage.css)].filter((page) => {
    // A subtab's workspace may itself sit in a workspace: every one around it must be the focused one.
    for (
      let tab = page.closest('section.oneConsoleTab');
      tab;
      tab = tab.parentElement?.closest('section.oneConsoleTab') ?? null
    )
      if (!focused(tab)) return false;
    return !isHidden(page) && page.querySelector(SALESFORCE_SELECTORS.title.css) !== null;
  });
  if (pages.length > 1) return 'ambiguous';
  return pages[0];
}

function activePage(document: Document): Element | undefined | 'ambiguous' {
  if (document.querySelector(SALESFORCE_SELECTORS.consoleTab.css)) return consolePage(document);
  const pages = [...document.querySelectorAll(SALESFORCE_SELECTORS.page.css)];
  const marked = pages.filter((page) => page.classList.contains('active'));
  const visible = (marked.length > 0 ? marked : pages).filter((page) => !isHidden(page));
  const records = visible.filter((page) => page.querySelector(SALESFORCE_SELECTORS.title.css));
  if (records.length > 1) return 'ambiguous';
  return records[0] ?? visible[0];
}

type DeepQuery = (css: string) => Element[];

function fieldText(deep: DeepQuery, css: string): string | undefined {
  const field = deep(css)[0];
  if (!field) return undefined;
  const value = queryDeep(field, 'a, lightning-formatted-text, lightning-formatted-url, lightning-formatted-number')[0];
  return deepText(value ?? field);
}

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  hosts: ['https://*.lightning.force.com/*'],
  selectors: SALESFORCE_SELECTORS,
  titleCss: [SALESFORCE_SELECTORS.activePage.css, SALESFORCE_SELECTORS.consolePage.css]
    .map((page) => `${page} ${SALESFORCE_SELECTORS.title.css}`)
    .join(', '),
  route(url) {
    if (!url.hostname.endsWith('.lightning.force.com')) return undefined;
    const match = RECORD_PATH.exec(url.pathname);
    if (!match?.[2]) return undefined;
    const type = match[1] ?? PREFIXES[match[2].slice(0, 3)];
    const kind = type ? OBJECTS[type] : undefined;
    return kind ? { kind, recordId: match[2], type } : undefined;
  },
  read({ document, route, missing, failed }) {
    const page = activePage(document);
    if (page === 'ambiguous') {
      failed('page');
      return undefined;
    }
    if (!page) {
      missing('page');
      return undefined;
    }
    const title = page.querySelector(SALESFORCE_SELECTORS.title.css);
    if (!title) {
      missing('title');
      return undefined;
    }
    const name = deepText(title.querySelector('lightning-formatted-name, lightning-formatted-text') ?? title);
    // One walk for the page's shadow roots, however many fields are then looked up in them.
    const roots: ParentNode[] = [page, ...shadowRoots(page)];
    const deep: DeepQuery = (css) => roots.flatMap((root) => [...root.querySelectorAll(css)]);
    const emailCss = route.kind === 'person' ? SALESFORCE_SELECTORS.email.css : SALESFORCE_SELECTORS.contactEmail.css;
    const links = deep(emailCss).flatMap((field) => queryDeep(field, 'a[href^="mailto:" i]'));
    return {
      name,
      emails: links.flatMap((a) => mailtoAddresses(a.getAttribute('href'))),
      companyName: fieldText(deep, SALESFORCE_SELECTORS.company.css),
      companyDomain: route.kind === 'company' ? fieldText(deep, SALESFORCE_SELECTORS.website.css) : undefined,
      amountText: route.kind === 'deal' ? fieldText(deep, SALESFORCE_SELECTORS.amount.css) : undefined,
    };
  },
};
