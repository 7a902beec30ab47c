import { mailtoEmails, readText } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Dolibarr (self-hosted, any path prefix). Record pages put a banner
// `div.arearef` above the tabs: the name as the own text of `div.refid`, then
// `div.refidno` blocks with the third party link and `mailto:` addresses.
// Fixtures `real-*` are Dolibarr 16.0.3 captures (../shared/fixtures/crm/dolibarr);
// `contact-fr` and `thirdparty-list-fr` are ours (test/fixtures/crm/dolibarr).

export const DOLIBARR_SELECTORS = {
  banner: {
    css: 'div.arearef, div.arearefnobottom',
    why: 'The record banner of every card and tab page of a contact or third party (tabs with a list below drop its margin).',
    matches: {
      'real-contact': 1,
      'real-thirdparty': 1,
      'real-thirdparty-contacts': 1,
      'real-contact-list': 0,
      'contact-fr': 1,
      'thirdparty-list-fr': 0,
    },
  },
  name: {
    css: 'div.arearef div.refid, div.arearefnobottom div.refid',
    why: 'Its own text is the record name; child blocks hold company and address.',
    matches: { 'real-contact': 1, 'real-thirdparty': 1, 'real-thirdparty-contacts': 1, 'contact-fr': 1 },
  },
  email: {
    css: 'div.arearef a[href^="mailto:"], div.arearefnobottom a[href^="mailto:"]',
    why: 'The record’s own addresses; the contacts table of a third party lies outside the banner.',
    matches: { 'real-contact': 1, 'real-thirdparty': 1, 'real-thirdparty-contacts': 1, 'contact-fr': 2 },
  },
  company: {
    css: 'div.arearef div.refidno a[href*="/societe/"], div.arearefnobottom div.refidno a[href*="/societe/"]',
    why: 'The third party a contact belongs to.',
    matches: { 'real-contact': 1, 'real-thirdparty': 0, 'contact-fr': 1 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const PAGES: { path: RegExp; param: string; kind: CrmRoute['kind'] }[] = [
  { path: /\/contact\/card\.php$/, param: 'id', kind: 'person' },
  { path: /\/societe\/(?:card|contact|note|document|agenda|consumption)\.php$/, param: 'socid', kind: 'company' },
  { path: /\/comm\/card\.php$/, param: 'socid', kind: 'company' },
];

/** The element's own text, without that of its child elements. */
function ownText(element: Element): string {
  return [...element.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue ?? '')
    .join(' ');
}

export const dolibarr: CrmAdapter = {
  id: 'dolibarr',
  label: 'Dolibarr',
  hosts: [],
  selectors: DOLIBARR_SELECTORS,
  titleCss: DOLIBARR_SELECTORS.name.css,
  route(url) {
    const action = url.searchParams.get('action');
    if (action === 'create' || action === 'add') return undefined;
    for (const page of PAGES) {
      const id = url.searchParams.get(page.param);
      if (page.path.test(url.pathname) && id && /^\d{1,12}$/.test(id)) return { kind: page.kind, recordId: id };
    }
    return undefined;
  },
  read({ document, missing }) {
    const banner = document.querySelector(DOLIBARR_SELECTORS.banner.css);
    if (!banner) {
      missing('banner');
      return undefined;
    }
    const nameElement = document.querySelector(DOLIBARR_SELECTORS.name.css);
    if (!nameElement) missing('name');
    return {
      name: nameElement ? ownText(nameElement) : '',
      emails: mailtoEmails([banner]),
      companyName: readText(document.querySelector(DOLIBARR_SELECTORS.company.css)),
    };
  },
};
