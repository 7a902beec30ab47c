import { mailtoEmails, readText, readValue, timedEntries } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Pipedrive (`<company>.pipedrive.com`): person, organization and deal pages.
// The header title hook comes from Clockify's selector list (DOM notes §2.3);
// the details sidebar and its `mailto:` links are [verify]. Addresses are read
// only from the sidebar: the activity feed quotes other people's mail.
// Fixtures in test/fixtures/crm/pipedrive.

export const PIPEDRIVE_SELECTORS = {
  title: {
    css: '[data-testid="header-title"]',
    why: 'The record name in the detail page header (an editable field on deals).',
    matches: { person: 1, organization: 1, deal: 1, 'person-ru': 1, list: 0 },
  },
  sidebar: {
    css: '[data-testid="details-sidebar"]',
    why: 'The record’s own fields and its linked person and organization.',
    matches: { person: 1, organization: 1, deal: 1, 'person-ru': 1, list: 0 },
  },
  email: {
    css: '[data-testid="details-sidebar"] a[href^="mailto:"]',
    why: 'Addresses of the person, or of the deal’s and organization’s people.',
    matches: { person: 2, organization: 1, deal: 1, 'person-ru': 1, list: 0 },
  },
  organization: {
    css: '[data-testid="details-sidebar"] a[href*="/organization/"]',
    why: 'The organization a person or deal is linked to.',
    matches: { person: 1, organization: 0, deal: 1, 'person-ru': 1 },
  },
  website: {
    css: '[data-testid="details-sidebar"] [data-field="website"] a[href]',
    why: 'An organization’s website.',
    matches: { person: 0, organization: 1, deal: 0 },
  },
  value: {
    css: '[data-testid="deal-value"]',
    why: 'A deal’s value with its currency.',
    matches: { person: 0, organization: 0, deal: 1 },
  },
  activityTime: {
    css: '[data-testid="flow-item"] time[datetime]',
    why: 'Done activities and mails in the history feed, with machine-readable times.',
    matches: { person: 2, organization: 0, deal: 1, 'person-ru': 1 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const RECORD_PATH = /^\/(person|organization|deal)\/(\d{1,12})\/?$/;
const KINDS: Record<string, CrmRoute['kind']> = { person: 'person', organization: 'company', deal: 'deal' };

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  hosts: ['https://*.pipedrive.com/*'],
  selectors: PIPEDRIVE_SELECTORS,
  titleCss: PIPEDRIVE_SELECTORS.title.css,
  route(url) {
    if (!url.hostname.endsWith('.pipedrive.com')) return undefined;
    const match = RECORD_PATH.exec(url.pathname);
    const kind = match && KINDS[match[1] ?? ''];
    return kind ? { kind, recordId: match[2] } : undefined;
  },
  read({ document, route, missing }) {
    const title = document.querySelector(PIPEDRIVE_SELECTORS.title.css);
    const sidebar = document.querySelector(PIPEDRIVE_SELECTORS.sidebar.css);
    if (!title || !sidebar) {
      missing(title ? 'sidebar' : 'title');
      return undefined;
    }
    const editable = title.querySelector('.cui5-editable-text__input, input');
    const value = document.querySelector(PIPEDRIVE_SELECTORS.value.css);
    return {
      name: editable ? readValue(editable) : readText(title),
      emails: mailtoEmails([sidebar]),
      companyName:
        route.kind === 'company' ? undefined : readText(document.querySelector(PIPEDRIVE_SELECTORS.organization.css)),
      companyDomain: document.querySelector(PIPEDRIVE_SELECTORS.website.css)?.getAttribute('href') ?? undefined,
      amountText: route.kind === 'deal' && value ? readText(value) : undefined,
      activities: timedEntries(document, '[data-testid="flow-item"]', '[data-test="activity-subject"]'),
    };
  },
};
