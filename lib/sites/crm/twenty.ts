import { mailtoEmails, readText, timedEntries } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Twenty (self-hosted or cloud, any host the user adds). Record pages are
// `/object/<objectNameSingular>/<uuid>`; the Emails field renders one `mailto:`
// link per address (DOM notes §2.5). Class names are build-generated, so the
// page is read by test ids [verify] and links. Fixtures in test/fixtures/crm/twenty.

export const TWENTY_SELECTORS = {
  show: {
    css: '[data-testid="record-show-container"]',
    why: 'The record show page.',
    matches: { person: 1, company: 1, opportunity: 1, 'person-uk': 1, list: 0 },
  },
  title: {
    css: '[data-testid="record-show-container"] [data-testid="record-name"]',
    why: 'The record name at the top of the show page.',
    matches: { person: 1, company: 1, opportunity: 1, 'person-uk': 1 },
  },
  emails: {
    css: '[data-testid="field-emails"] a[href^="mailto:"]',
    why: 'The Emails field: primary first, then additional addresses.',
    matches: { person: 2, company: 0, opportunity: 0, 'person-uk': 1 },
  },
  relationEmail: {
    css: '[data-testid="record-show-container"] a[href^="mailto:"]',
    why: 'Addresses of related people shown on a company or opportunity.',
    matches: { person: 2, company: 1, opportunity: 1, 'person-uk': 1 },
  },
  company: {
    css: '[data-testid="record-show-container"] a[href*="/object/company/"]',
    why: 'The company a person or opportunity belongs to.',
    matches: { person: 1, company: 0, opportunity: 1, 'person-uk': 1 },
  },
  domain: {
    css: '[data-testid="field-domainName"] a[href]',
    why: 'A company’s domain.',
    matches: { person: 0, company: 1, opportunity: 0 },
  },
  amount: {
    css: '[data-testid="field-amount"]',
    why: 'An opportunity’s amount with its currency.',
    matches: { person: 0, company: 0, opportunity: 1 },
  },
  timelineTime: {
    css: '[data-testid="timeline-activity"] time[datetime]',
    why: 'Timeline entries with machine-readable times.',
    matches: { person: 1, company: 0, opportunity: 0, 'person-uk': 1 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const KINDS: Record<string, CrmRoute['kind']> = { person: 'person', company: 'company', opportunity: 'deal' };
const RECORD_PATH = /^(?:\/.*)?\/object\/(person|company|opportunity)\/([0-9a-f-]{36})\/?$/;

export const twenty: CrmAdapter = {
  id: 'twenty',
  label: 'Twenty',
  hosts: [],
  selectors: TWENTY_SELECTORS,
  titleCss: TWENTY_SELECTORS.title.css,
  route(url) {
    const match = RECORD_PATH.exec(url.pathname);
    const kind = match && KINDS[match[1] ?? ''];
    return kind ? { kind, recordId: match[2] } : undefined;
  },
  read({ document, route, missing }) {
    const show = document.querySelector(TWENTY_SELECTORS.show.css);
    const title = show?.querySelector('[data-testid="record-name"]');
    if (!show || !title) {
      missing(show ? 'title' : 'show');
      return undefined;
    }
    const own = route.kind === 'person' ? [...show.querySelectorAll('[data-testid="field-emails"]')] : [show];
    const amount = show.querySelector(TWENTY_SELECTORS.amount.css);
    return {
      name: readText(title),
      emails: mailtoEmails(own),
      companyName: route.kind === 'company' ? undefined : readText(show.querySelector(TWENTY_SELECTORS.company.css)),
      companyDomain: show.querySelector(TWENTY_SELECTORS.domain.css)?.getAttribute('href') ?? undefined,
      amountText: amount ? readText(amount) : undefined,
      activities: timedEntries(
        document,
        '[data-testid="timeline-activity"]',
        '[data-testid="timeline-activity-title"]',
      ),
    };
  },
};
