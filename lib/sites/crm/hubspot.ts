import { mailtoEmails, readText, readValue, timedEntries } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// HubSpot (app.hubspot.com, EU portals on app-eu1.hubspot.com). Hooks are the
// `data-selenium-test` / `data-test-id` attributes time trackers rely on
// (DOM notes §2.1); fixtures in test/fixtures/crm/hubspot.

const PROPERTY = (name: string) => `[data-selenium-test="property-input-${name}"]`;

export const HUBSPOT_SELECTORS = {
  highlight: {
    css: '[data-card-type="OBJECT_HIGHLIGHT"]',
    why: 'The highlight card at the top of the left sidebar of every record page.',
    matches: { contact: 1, company: 1, deal: 1, 'contact-de': 1, list: 0 },
  },
  title: {
    css: '[data-card-type="OBJECT_HIGHLIGHT"] [data-selenium-test="highlightTitle"]',
    why: 'The record name inside the highlight card.',
    matches: { contact: 1, company: 1, deal: 1, 'contact-de': 1, list: 0 },
  },
  emailProperty: {
    css: `${PROPERTY('email')}, ${PROPERTY('hs_additional_emails')}`,
    why: 'The primary and additional address properties of a contact.',
    matches: { contact: 2, company: 0, deal: 0, 'contact-de': 1 },
  },
  sidebarEmail: {
    css: '[data-scroll-trackable-container="left-sidebar"] a[href^="mailto:"]',
    why: 'Addresses shown as links in the record’s own sidebar.',
    matches: { contact: 1, company: 0, deal: 0, 'contact-de': 1, list: 0 },
  },
  associatedEmail: {
    css: '[data-selenium-test^="card-id-ASSOCIATION"] a[href^="mailto:"]',
    why: 'Addresses of the contacts associated with a company or deal.',
    matches: { contact: 0, company: 2, deal: 1 },
  },
  company: {
    css: `${PROPERTY('company')}, [data-selenium-test="company-chicklet-title-link"]`,
    why: 'A contact’s company property, or the associated company of a deal.',
    matches: { contact: 2, company: 0, deal: 1, 'contact-de': 1 },
  },
  domain: {
    css: PROPERTY('domain'),
    why: 'A company’s web domain.',
    matches: { contact: 0, company: 1, deal: 0 },
  },
  amount: {
    css: PROPERTY('amount'),
    why: 'A deal’s amount as shown, with its currency.',
    matches: { contact: 0, company: 0, deal: 1 },
  },
  activityTime: {
    css: '[data-selenium-test="timeline-card"] time[datetime]',
    why: 'Timeline entries with a machine-readable time [verify on a live portal].',
    matches: { contact: 2, company: 0, deal: 1, 'contact-de': 1 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const OBJECT_TYPES: Record<string, CrmRoute['kind']> = {
  '0-1': 'person',
  contact: 'person',
  '0-2': 'company',
  company: 'company',
  '0-3': 'deal',
  deal: 'deal',
};

const RECORD_PATH = /^\/contacts\/(\d+)\/(?:record\/(0-[123])|(contact|company|deal))\/(\d+)(?:\/|$)/;

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  hosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  selectors: HUBSPOT_SELECTORS,
  titleCss: HUBSPOT_SELECTORS.title.css,
  route(url) {
    if (!/^app(?:-eu1)?\.hubspot\.com$/.test(url.hostname)) return undefined;
    const match = RECORD_PATH.exec(url.pathname);
    const kind = match && OBJECT_TYPES[match[2] ?? match[3] ?? ''];
    return kind ? { kind, recordId: match[4] } : undefined;
  },
  read({ document, route, missing }) {
    const title = document.querySelector(HUBSPOT_SELECTORS.title.css);
    if (!title) {
      missing(document.querySelector(HUBSPOT_SELECTORS.highlight.css) ? 'title' : 'highlight');
      return undefined;
    }
    const propertyEmails = [...document.querySelectorAll(HUBSPOT_SELECTORS.emailProperty.css)].flatMap((element) =>
      readValue(element.querySelector('input') ?? element).split(/[\s,;]+/),
    );
    const sidebar = [...document.querySelectorAll('[data-scroll-trackable-container="left-sidebar"]')];
    const associations =
      route.kind === 'person' ? [] : [...document.querySelectorAll('[data-selenium-test^="card-id-ASSOCIATION"]')];
    const company = document.querySelector(HUBSPOT_SELECTORS.company.css);
    const domain = document.querySelector(HUBSPOT_SELECTORS.domain.css);
    const amount = document.querySelector(HUBSPOT_SELECTORS.amount.css);
    return {
      name: readText(title),
      emails: [...propertyEmails, ...mailtoEmails(sidebar), ...mailtoEmails(associations)],
      companyName: company ? readValue(company.querySelector('input') ?? company) : undefined,
      companyDomain: domain ? readValue(domain.querySelector('input') ?? domain) : undefined,
      amountText: amount ? readValue(amount.querySelector('input') ?? amount) : undefined,
      activities: timedEntries(
        document,
        '[data-selenium-test="timeline-card"]',
        '[data-selenium-test="timeline-card-title"]',
      ),
    };
  },
};
