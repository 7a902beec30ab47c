// The user's corrections to who is a client: rename, merge one client into
// another, split a person out of an organisation, ignore, include a client the
// engine set aside as automated, value/tier, and an expected silence ("on
// holiday until …"). A plain input, applied purely; stored or user-entered
// corrections are validated where they enter (overrides-schema.ts).
import { baseClientKey } from './client-identity';

export type ClientTier = 'key' | 'standard' | 'minor';

export interface ClientOverride {
  /** Display name chosen by the user. */
  name?: string;
  /** Key of the client this one is merged into. */
  mergeInto?: string;
  ignore?: boolean;
  /**
   * The user said this is a client: its messages count even when its senders
   * look automated or bulk (sender-kind.ts), and it is never set aside.
   */
  include?: boolean;
  /** Value of the client in the user's currency (e.g. yearly revenue); compared with the account's median. */
  value?: number;
  tier?: ClientTier;
  /** Epoch ms until which silence from this client is expected and not a risk. */
  quietUntil?: number;
}

export interface ClientOverrides {
  /** Per client key (a registrable domain, or an address for a person). */
  clients?: Record<string, ClientOverride>;
  /** Addresses taken out of their organisation to be clients of their own. */
  splitAddresses?: string[];
}

export interface ClientResolver {
  /** Final client key of an external address after split, merge and ignore; undefined when not a client. */
  keyOf(address: string): string | undefined;
  /** Final client key of a base key (a registrable domain, or a person's address) after merge and ignore. */
  resolveKey(base: string): string | undefined;
  /**
   * The base keys whose messages can belong to a client: its own, those merged
   * into it, and the organisations of the addresses split out into it.
   */
  sourceKeys(key: string): string[];
  /** The clients the messages of a base key can count for: the base key itself, and the addresses split out of it. */
  clientsOf(base: string): string[];
  override(key: string): ClientOverride;
  /** Merges that would loop (A → B → A) are cut where the loop closes; reported here. */
  problems: string[];
}

export function createClientResolver(overrides: ClientOverrides = {}): ClientResolver {
  const clients = overrides.clients ?? {};
  const split = new Set(overrides.splitAddresses ?? []);
  const problems: string[] = [];
  const finalKey = new Map<string, string>();
  const follow = (start: string): string => {
    const known = finalKey.get(start);
    if (known !== undefined) return known;
    const seen = [start];
    let key = start;
    for (;;) {
      const next = clients[key]?.mergeInto;
      if (next === undefined || next === key) break;
      if (seen.includes(next)) {
        problems.push(`merge loop ${[...seen, next].join(' → ')}: stopped at ${key}`);
        break;
      }
      seen.push(next);
      key = next;
    }
    for (const k of seen) finalKey.set(k, key);
    return key;
  };
  for (const key of Object.keys(clients)) follow(key);

  const resolveKey = (base: string): string | undefined => {
    if (clients[base]?.ignore) return undefined;
    const merged = follow(base);
    return clients[merged]?.ignore ? undefined : merged;
  };
  const byAddress = new Map<string, string | undefined>();
  const splitOutOf = new Map<string, string[]>();
  for (const address of split) {
    const organisation = baseClientKey(address);
    if (organisation !== undefined) splitOutOf.set(organisation, [...(splitOutOf.get(organisation) ?? []), address]);
  }
  return {
    keyOf(address) {
      if (byAddress.has(address)) return byAddress.get(address);
      const base = split.has(address) ? address : baseClientKey(address);
      const key = base === undefined ? undefined : resolveKey(base);
      byAddress.set(address, key);
      return key;
    },
    resolveKey,
    sourceKeys(key) {
      const sources = new Set([key]);
      for (const base of Object.keys(clients)) if (resolveKey(base) === key) sources.add(base);
      for (const address of split) {
        const organisation = baseClientKey(address);
        if (organisation !== undefined && resolveKey(address) === key) sources.add(organisation);
      }
      return [...sources].sort();
    },
    clientsOf(base) {
      const keys = [base, ...(splitOutOf.get(base) ?? [])].map(resolveKey);
      return [...new Set(keys.filter((key) => key !== undefined))];
    },
    override: (key) => clients[key] ?? {},
    problems,
  };
}
