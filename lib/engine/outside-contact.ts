// Contact with a client outside mail, as a CRM recorded it (a call, a meeting,
// a note), and clients the user watches before any mail. An activity counts as
// a day of contact for cadence and last contact; it is never a message, so it
// never starts or answers a reply and reply times come from mail alone.
import { DAY } from './business-hours';
import type { ClientBucket } from './client-buckets';
import { mailOf } from './message-columns';
import type { ClientResolver } from './overrides';
import type { InputIssue } from './report-types';

export interface ContactEvent {
  /** A client key as stored (a registrable domain or a person's address); merges and ignores apply. */
  clientKey: string;
  at: number;
}

export interface OutsideContact {
  contactEvents?: readonly ContactEvent[];
  /** Client keys the user asked to watch: each is a client even before any mail or activity. */
  watchedClients?: readonly string[];
}

const CLOCK_SKEW_ALLOWANCE = DAY;

function bucketOf(buckets: Map<string, ClientBucket>, key: string): ClientBucket {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { key, mail: mailOf([]), addresses: new Map(), events: [] };
    buckets.set(key, bucket);
  }
  return bucket;
}

/** Adds activities and watched clients to the mail's buckets; an event with a bad time is an issue, not a contact. */
export function addOutsideContact(
  buckets: Map<string, ClientBucket>,
  input: OutsideContact,
  resolver: ClientResolver,
  now: number,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const key of input.watchedClients ?? []) {
    const final = resolver.resolveKey(key);
    if (final !== undefined) bucketOf(buckets, final);
  }
  for (const event of input.contactEvents ?? []) {
    if (!Number.isFinite(event.at) || event.at > now + CLOCK_SKEW_ALLOWANCE) {
      issues.push({ problem: `activity of ${event.clientKey} has no usable time: ${String(event.at)}` });
      continue;
    }
    const final = resolver.resolveKey(event.clientKey);
    if (final === undefined) continue;
    const events = bucketOf(buckets, final).events;
    const at = Math.min(event.at, now);
    if (!events.includes(at)) events.push(at);
  }
  for (const bucket of buckets.values()) bucket.events.sort((a, b) => a - b);
  return issues;
}
