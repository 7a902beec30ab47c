// What the CRM adapters read from a record page. Plain data: the content script
// sends it to the background, which validates it with ./schemas.
import type { Health } from '../gmail/records';

export const CRM_IDS = [
  'hubspot',
  'salesforce',
  'pipedrive',
  'zoho',
  'twenty',
  'espocrm',
  'odoo',
  'dolibarr',
  'generic',
] as const;
export type CrmId = (typeof CRM_IDS)[number];

/** More addresses than this on one record means a list, not a client: the rest are dropped and reported. */
export const MAX_RECORD_EMAILS = 25;

/** `page` is what the generic adapter reads: any page, no record structure known. */
export type CrmRecordKind = 'person' | 'company' | 'deal' | 'page';

export interface CrmActivity {
  at: number;
  label: string;
}

export interface CrmAmount {
  value: number;
  /** ISO 4217, only when the page says it unambiguously ("$" alone does not). */
  currency?: string;
}

export interface CrmRecord {
  crm: CrmId;
  kind: CrmRecordKind;
  recordId?: string;
  /** The record's title as the page shows it. */
  name: string;
  /** Every address the record shows, lower-cased, first as shown. */
  emails: string[];
  companyName?: string;
  /** The company's web domain (from its website field), lower-cased, no "www.". */
  companyDomain?: string;
  amount?: CrmAmount;
  activities: CrmActivity[];
}

export interface CrmExtraction {
  record: CrmRecord | null;
  health: Health;
}

/** A selector and the fixtures it must match, exactly as often as given (see test/unit/sites/crm). */
export interface CrmSelectorSpec {
  css: string;
  why: string;
  matches: Record<string, number>;
}

export interface CrmRoute {
  kind: CrmRecordKind;
  recordId?: string;
  /** The CRM's own name of the record type (Salesforce object, EspoCRM scope, Odoo model). */
  type?: string;
}

/** What an adapter read before normalisation: text as shown, addresses as found. */
export interface CrmReading {
  /** When the page tells the kind better than the URL (an Odoo partner is a person or a company). */
  kind?: CrmRecordKind;
  name: string;
  emails: string[];
  companyName?: string;
  companyDomain?: string;
  amountText?: string;
  activities?: { at?: number; label: string }[];
}

export interface ReadContext {
  document: Document;
  url: URL;
  route: CrmRoute;
  /** A primary selector matched nothing where the record should be. */
  missing(selector: string): void;
  /** A field could not be read although the page shows it. */
  failed(field: string): void;
}

export interface CrmAdapter {
  id: CrmId;
  label: string;
  /** Match patterns of the hosted service; empty for self-hosted CRMs, whose hosts the user adds. */
  hosts: readonly string[];
  selectors: Record<string, CrmSelectorSpec>;
  /** Where the record's title is drawn, for the badge beside it. */
  titleCss: string;
  /** The record the URL names, or undefined when the URL is no record page. */
  route(url: URL): CrmRoute | undefined;
  /** The record on the page, or undefined when the page does not (yet) show it. */
  read(ctx: ReadContext): CrmReading | undefined;
}
