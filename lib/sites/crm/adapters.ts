import { dolibarr } from './dolibarr';
import { espocrm } from './espocrm';
import { generic } from './generic';
import { hubspot } from './hubspot';
import { odoo } from './odoo';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { twenty } from './twenty';
import type { CrmAdapter, CrmId } from './types';
import { zoho } from './zoho';

/** Every adapter by id; `generic` reads any page the user points it at. */
export const CRM_ADAPTERS: Record<CrmId, CrmAdapter> = {
  hubspot,
  salesforce,
  pipedrive,
  zoho,
  twenty,
  espocrm,
  odoo,
  dolibarr,
  generic,
};

/** The hosted CRMs whose adapter recognises the URL as one of theirs, by host alone. */
export function hostedCrmFor(url: URL): CrmAdapter | undefined {
  return Object.values(CRM_ADAPTERS).find((adapter) =>
    adapter.hosts.some((pattern) => hostMatches(pattern, url.hostname)),
  );
}

/** Whether a match pattern's host part ("*.pipedrive.com") covers the host name. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  if (host.startsWith('*.')) return hostname.endsWith(host.slice(1)) || hostname === host.slice(2);
  return hostname === host;
}
