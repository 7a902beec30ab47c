import { getDomain } from 'tldts';
import { baseClientKey } from '@/lib/engine/client-identity';
import { isAutomatedAddress } from '@/lib/engine/sender-kind';
import type { CrmRecord } from './types';

// Which known client a record is about. Honest before helpful: a record whose
// addresses point at two known clients names neither, and an ordinary page
// (the generic adapter) that lists many organisations names none of them.

export interface OwnSide {
  /** The user's own addresses (every account and alias), lower-cased. */
  addresses: readonly string[];
  /** Domains of the user's own organisation. */
  internalDomains: readonly string[];
}

export type CrmClientMatch =
  | { status: 'matched'; clientKey: string }
  /** No known client: the candidates the user may choose to watch. */
  | { status: 'unknown'; candidates: string[] }
  | { status: 'ambiguous'; clientKeys: string[] }
  | { status: 'no-address' };

// An ordinary page naming more clients than this is a list, not a client's page.
const MAX_PAGE_CANDIDATES = 2;

/** The client keys a record's addresses and company domain stand for, first as shown, own side left out. */
export function candidateClientKeys(record: CrmRecord, own: OwnSide): string[] {
  const ownAddresses = new Set(own.addresses.map((a) => a.toLowerCase()));
  // The user's own organisation: internal domains and the domains of their own (non-free-mail) addresses.
  const ownKeys = new Set(own.internalDomains.map((d) => getDomain(d.toLowerCase()) ?? d.toLowerCase()));
  for (const address of ownAddresses) {
    const key = baseClientKey(address);
    if (key && !key.includes('@')) ownKeys.add(key);
  }
  const keys = new Set<string>();
  const add = (key: string | undefined) => {
    if (key && !ownKeys.has(key) && !ownAddresses.has(key)) keys.add(key);
  };
  for (const email of record.emails) if (!isAutomatedAddress(email)) add(baseClientKey(email));
  if (record.companyDomain) {
    const key = baseClientKey(`company@${record.companyDomain}`);
    // A free-mail "company domain" (gmail.com) names nobody.
    if (key && !key.includes('@')) add(key);
  }
  return [...keys];
}

/**
 * `clientOf` names the known client a candidate stands for (itself, or the
 * client the user merged it into), or undefined: two addresses of one client
 * are one client, not an ambiguity.
 */
export function matchCrmRecord(
  record: CrmRecord,
  clientOf: (candidate: string) => string | undefined,
  own: OwnSide,
): CrmClientMatch {
  const candidates = candidateClientKeys(record, own);
  if (candidates.length === 0) return { status: 'no-address' };
  if (record.kind === 'page' && candidates.length > MAX_PAGE_CANDIDATES) {
    return { status: 'ambiguous', clientKeys: candidates };
  }
  const known = [...new Set(candidates.flatMap((candidate) => clientOf(candidate) ?? []))];
  if (known.length === 1 && known[0]) return { status: 'matched', clientKey: known[0] };
  if (known.length > 1) return { status: 'ambiguous', clientKeys: known };
  return { status: 'unknown', candidates };
}
