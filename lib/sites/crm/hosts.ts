import { CRM_ADAPTERS } from './adapters';
import type { CrmId } from './types';

// The hosts a CRM may be granted on. Hosted CRMs name theirs; a self-hosted
// one (Twenty, EspoCRM, Odoo, Dolibarr) lives wherever the user runs it, so
// any web origin may be asked for, one origin at a time, when the user adds it.
export const SELF_HOSTED_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The manifest's optional host permissions, read by wxt.config.ts at build time.
 * @public
 */
export const CRM_OPTIONAL_ORIGINS = [
  ...new Set([...Object.values(CRM_ADAPTERS).flatMap((adapter) => adapter.hosts), ...SELF_HOSTED_ORIGINS]),
];

/** The match pattern of a self-hosted CRM's address: its whole host, any port and path. */
export function originPattern(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}

/** The origins a CRM is switched on for: the hosted service's, or the one address the user gave. */
export function originsFor(crm: CrmId, address?: string): string[] | undefined {
  const hosts = CRM_ADAPTERS[crm].hosts;
  if (hosts.length > 0) return [...hosts];
  const pattern = address ? originPattern(address) : undefined;
  return pattern ? [pattern] : undefined;
}
