import { emailsInText, mailtoEmails, readValue } from './page';
import type { CrmAdapter, CrmRoute, CrmSelectorSpec } from './types';

// Odoo (self-hosted or odoo.com). Contacts (res.partner) and CRM leads and
// opportunities (crm.lead) open in a form view whose fields are
// `div[name="<field>"].o_field_widget`; editable forms keep the value in an
// input, read-only ones in a link or span (DOM notes §2.8). A partner is a
// person or a company by its company_type radio. Fixtures in test/fixtures/crm/odoo.

const FIELD = (name: string) => `.o_form_view div[name="${name}"]`;

export const ODOO_SELECTORS = {
  form: {
    css: '.o_form_view',
    why: 'The record form.',
    matches: { partner: 1, company: 1, opportunity: 1, 'partner-uk': 1, list: 0 },
  },
  name: {
    css: '.o_form_view .oe_title div[name="name"]',
    why: 'The record name in the form title.',
    matches: { partner: 1, company: 1, opportunity: 1, 'partner-uk': 1 },
  },
  email: {
    css: `${FIELD('email')}, ${FIELD('email_from')}`,
    why: 'A partner’s address; a lead’s address.',
    matches: { partner: 1, company: 1, opportunity: 1, 'partner-uk': 1 },
  },
  companyType: {
    css: `${FIELD('company_type')} input`,
    why: 'The person / company radio of a partner.',
    matches: { partner: 2, company: 2, opportunity: 0, 'partner-uk': 2 },
  },
  company: {
    css: `${FIELD('parent_id')}, ${FIELD('partner_id')}, ${FIELD('partner_name')}`,
    why: 'A person’s company; a lead’s customer or typed company name.',
    matches: { partner: 1, company: 1, opportunity: 2, 'partner-uk': 1 },
  },
  website: {
    css: FIELD('website'),
    why: 'A partner’s website.',
    matches: { partner: 0, company: 1, opportunity: 0 },
  },
  amount: {
    css: FIELD('expected_revenue'),
    why: 'An opportunity’s expected revenue.',
    matches: { partner: 0, company: 0, opportunity: 1 },
  },
  contactEmail: {
    css: '.o_form_view .o_kanban_record a[href^="mailto:"]',
    why: 'Addresses of a company’s contacts (its Contacts & Addresses tab).',
    matches: { partner: 0, company: 2, opportunity: 0 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const PARTNER_ACTIONS = /^(?:res\.partner|contacts|action-contacts\.action_contacts|action-base\.action_partner_form)$/;
const LEAD_ACTIONS = /^(?:crm\.lead|crm|action-crm\.crm_lead_action_pipeline|action-crm\.crm_lead_all_leads)$/;

function routeOf(model: string | undefined, id: string | undefined): CrmRoute | undefined {
  if (!model || !id || !/^\d{1,12}$/.test(id)) return undefined;
  if (PARTNER_ACTIONS.test(model)) return { kind: 'person', recordId: id, type: 'res.partner' };
  if (LEAD_ACTIONS.test(model)) return { kind: 'deal', recordId: id, type: 'crm.lead' };
  return undefined;
}

function value(form: Element, css: string): string | undefined {
  const field = form.querySelector(css);
  if (!field) return undefined;
  return readValue(field.querySelector('input, textarea, a, span') ?? field) || undefined;
}

export const odoo: CrmAdapter = {
  id: 'odoo',
  label: 'Odoo',
  hosts: [],
  selectors: ODOO_SELECTORS,
  titleCss: '.o_form_view .oe_title h1',
  route(url) {
    // Odoo 17.2+: /odoo/<action>/<id>, the last segment pair naming the open record.
    const modern = /^\/odoo(?:\/[\w.-]+\/\d+)*\/([\w.-]+)\/(\d+)\/?$/.exec(url.pathname);
    if (modern) return routeOf(modern[1], modern[2]);
    if (url.pathname === '/web' || url.pathname === '/web/') {
      const params = new URLSearchParams(url.hash.replace(/^#/, ''));
      if (params.get('view_type') !== 'form') return undefined;
      return routeOf(params.get('model') ?? undefined, params.get('id') ?? undefined);
    }
    return undefined;
  },
  read({ document, route, missing }) {
    const form = document.querySelector(ODOO_SELECTORS.form.css);
    const name = form && value(form, '.oe_title div[name="name"]');
    if (!form || !name) {
      missing(form ? 'name' : 'form');
      return undefined;
    }
    const checked = [...form.querySelectorAll(ODOO_SELECTORS.companyType.css)].find(
      (input) => (input as HTMLInputElement).checked,
    );
    const kind =
      route.type === 'res.partner' && (checked as HTMLInputElement | undefined)?.value === 'company'
        ? 'company'
        : route.kind;
    const emailField = form.querySelector(ODOO_SELECTORS.email.css);
    const emailInput = emailField?.querySelector('input');
    return {
      kind,
      name,
      emails: [
        ...emailsInText(emailInput ? readValue(emailInput) : ''),
        ...mailtoEmails(emailField ? [emailField] : []),
        ...(kind === 'company' ? mailtoEmails([...form.querySelectorAll('.o_kanban_record')]) : []),
      ],
      companyName:
        kind === 'company'
          ? undefined
          : value(form, 'div[name="parent_id"], div[name="partner_id"], div[name="partner_name"]'),
      companyDomain: value(form, 'div[name="website"]'),
      amountText: kind === 'deal' ? value(form, 'div[name="expected_revenue"]') : undefined,
    };
  },
};
