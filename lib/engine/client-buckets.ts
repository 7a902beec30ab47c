// One pass over the messages: validate, drop duplicates, classify, and put
// each message in the bucket of every client it counts for.
import { DAY } from './business-hours';
import { createPartyClassifier } from './client-identity';
import type { ClientMessage } from './conversation';
import type { ClientResolver } from './overrides';
import type { InputIssue } from './report-types';
import type { AccountIdentity, MailMessage } from './types';

/** Senders' clocks drift; a message up to this far after `now` is taken as sent now. */
const CLOCK_SKEW_ALLOWANCE = DAY;

export interface ClientBucket {
  key: string;
  messages: ClientMessage[];
  /** Each address of the client seen, with the latest display name written for it. */
  addresses: Map<string, { name: string; at: number }>;
  /** Times of contact outside mail (see outside-contact.ts), oldest first. */
  events: number[];
}

export interface Grouped {
  buckets: Map<string, ClientBucket>;
  issues: InputIssue[];
}

function problemWith(m: MailMessage, now: number): string | undefined {
  if (typeof m?.id !== 'string' || m.id === '') return 'message without an id';
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) return `time is not a number: ${String(m.at)}`;
  if (m.at > now + CLOCK_SKEW_ALLOWANCE) return `dated ${new Date(m.at).toISOString()}, after now`;
  if (typeof m.from?.email !== 'string' || !m.from.email.includes('@')) return 'sender has no address';
  if (!Array.isArray(m.to) || !Array.isArray(m.cc)) return 'recipients are not lists';
  return undefined;
}

function nameOf(m: MailMessage, direction: 'in' | 'out', address: string): string {
  if (direction === 'in') return m.from.name?.trim() ?? '';
  for (const r of m.to) if (r.email.trim().toLowerCase() === address) return r.name?.trim() ?? '';
  for (const r of m.cc) if (r.email.trim().toLowerCase() === address) return r.name?.trim() ?? '';
  return '';
}

/** Keeps the latest non-empty display name written for each address. */
function noteName(bucket: ClientBucket, address: string, name: string, at: number): void {
  const known = bucket.addresses.get(address);
  if (!known || (name !== '' && (at >= known.at || known.name === ''))) bucket.addresses.set(address, { name, at });
}

export function groupByClient(
  messages: readonly MailMessage[],
  identity: AccountIdentity,
  resolver: ClientResolver,
  now: number,
): Grouped {
  const classify = createPartyClassifier(identity);
  const buckets = new Map<string, ClientBucket>();
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const m of messages) {
    const problem = problemWith(m, now);
    if (problem) {
      issues.push({ ...(typeof m?.id === 'string' && m.id !== '' && { messageId: m.id }), problem });
      continue;
    }
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const { direction, clientAddresses } = classify(m);
    if (direction === 'internal') continue;
    const counted: string[] = [];
    for (const address of clientAddresses) {
      const key = resolver.keyOf(address);
      if (key === undefined) continue;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { key, messages: [], addresses: new Map(), events: [] };
        buckets.set(key, bucket);
      }
      noteName(bucket, address, nameOf(m, direction, address), m.at);
      // Two people of one organisation on the same message count once for it.
      if (counted.includes(key)) continue;
      counted.push(key);
      bucket.messages.push({
        id: m.id,
        threadId: m.threadId || m.id,
        at: Math.min(m.at, now),
        side: direction,
        subject: m.subject ?? '',
        snippet: m.snippet ?? '',
      });
    }
  }
  return { buckets, issues };
}
