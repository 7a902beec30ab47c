// Who is not a client: automated and bulk senders, with the evidence for each
// (sender-rules.ts for what an address says, the message's `bulk` for what its
// source stated), and what overrides that evidence: the user's correspondence
// with the address, and the user's own "this is a client".
import { getDomain } from 'tldts';
import { createAddressNormaliser, FREE_MAIL } from './client-identity';
import { byTime } from './conversation';
import { SENDER_RULES } from './sender-rules';
import { type ThreadNumbers, threadRuns } from './thread-numbers';
import type { BulkEvidence, MailMessage } from './types';

/** What an address says about its sender (see sender-rules.ts). */
export type AddressSignal =
  | { kind: 'machine'; word: string }
  | { kind: 'role'; word: string }
  | { kind: 'host'; host: string }
  | { kind: 'platform'; domain: string };

/** Why a sender's message was set aside: what its address says, or what its source stated. */
export type SenderSignal = AddressSignal | BulkEvidence;

const MACHINE_WORDS = SENDER_RULES.flatMap((rule) => (rule.kind === 'machine' && rule.word ? [rule.word] : []));
const ROLE_WORDS = new Map(
  SENDER_RULES.flatMap((rule) => (rule.kind === 'role' && rule.word ? [[rule.word, rule.whole === true]] : [])),
);
const HOST_LABELS = new Set(SENDER_RULES.flatMap((rule) => (rule.kind === 'host' && rule.label ? [rule.label] : [])));
const PLATFORMS = new Set(
  SENDER_RULES.flatMap((rule) => (rule.kind === 'platform' && rule.domain ? [rule.domain] : [])),
);

/** What an address alone says about its sender; undefined for an address that looks like a person's. */
export function addressSignal(email: string): AddressSignal | undefined {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at);
  const host = address.slice(at + 1);
  const squeezed = local.replace(/[._+=-]/g, '');
  for (const word of MACHINE_WORDS) if (squeezed.includes(word)) return { kind: 'machine', word };
  const domain = getDomain(host, { allowPrivateDomains: true }) ?? host;
  if (PLATFORMS.has(domain)) return { kind: 'platform', domain };
  // On free mail the local part is a person's own choice of name (news.anna@gmail.com), and there are no subdomains.
  if (FREE_MAIL.has(host)) return undefined;
  for (const token of local.split(/[._+=-]+/)) {
    const whole = ROLE_WORDS.get(token);
    if (whole !== undefined && (!whole || token === local)) return { kind: 'role', word: token };
  }
  if (host.endsWith(`.${domain}`)) {
    const labels = host.slice(0, -domain.length - 1).split('.');
    if (labels.some((label) => HOST_LABELS.has(label.replace(/\d+$/, '')))) return { kind: 'host', host };
  }
  return undefined;
}

/** True for an address that is automated or bulk by its address alone, before anything the user did. */
export function isAutomatedAddress(email: string): boolean {
  return addressSignal(email) !== undefined;
}

export interface SenderStanding {
  /** The user corresponds with the address (see findCorrespondents). */
  correspondent: boolean;
  /** The user said the address's client is a client. */
  included: boolean;
}

/**
 * Why one message of an address does not count as contact with a client, or
 * undefined when it counts. The user's "this is a client" overrides
 * everything. A machine address, and a message its own software declared
 * automatic, bulk or a calendar invitation, never count otherwise. The user's
 * correspondence overrides the rest: a role address, a bulk host or platform,
 * and Gmail's category, which is Gmail's guess.
 */
export function setAsideSignal(
  address: AddressSignal | undefined,
  standing: SenderStanding,
  bulk?: BulkEvidence,
): SenderSignal | undefined {
  if (standing.included) return undefined;
  if (address?.kind === 'machine') return address;
  if (bulk && bulk.kind !== 'gmail-category') return bulk;
  if (standing.correspondent) return undefined;
  return address ?? bulk;
}

export interface PartiesOf {
  direction: 'in' | 'out' | 'internal';
  /** External addresses: the sender when inbound, the recipients when outbound. */
  counterparts: string[];
}

/** Whether a thread's messages (order[from] up to order[to]) are already in time order: most are, and then need no sort. */
function inTimeOrder(order: Int32Array, from: number, to: number, messages: readonly MailMessage[]): boolean {
  for (let place = from + 1; place < to; place++) {
    const earlier = messages[order[place - 1] as number] as MailMessage;
    if (byTime(earlier, messages[order[place] as number] as MailMessage) > 0) return false;
  }
  return true;
}

/** Whether any of a thread's messages (order[from] up to order[to]) is ours. */
function hasOurs(order: Int32Array, from: number, to: number, parties: readonly PartiesOf[]): boolean {
  for (let place = from; place < to; place++) if (parties[order[place] as number]?.direction === 'out') return true;
  return false;
}

/**
 * The addresses the user corresponds with. The user's message to an address
 * makes it a correspondent when the address had no part in the thread before
 * (the user started the exchange with it), and the address's message does when
 * the user had written to it earlier in the thread (it answered). Answering an
 * automated notice alone is not correspondence: a reply to renewals@ asking to
 * cancel makes no vendor a client. Messages a source declared bulk take no part.
 */
export function findCorrespondents(
  messages: readonly MailMessage[],
  parties: readonly PartiesOf[],
  threads: ThreadNumbers,
  normalise: (email: string) => string = createAddressNormaliser(),
): Set<string> {
  const { order, start } = threadRuns(threads, (i) => (messages[i] as MailMessage).bulk !== undefined);
  const found = new Set<string>();
  // Only external addresses can be correspondents, so only they need to be
  // known present: an outbound message's are its counterparts, already read.
  const present = new Set<string>();
  const writtenTo = new Set<string>();
  // Each thread read by its bounds in the one array, not through a view of its own: there are tens of thousands.
  for (let t = 0; t < threads.count; t++) {
    const begin = start[t] as number;
    const end = start[t + 1] as number;
    // Only the user's messages make correspondents: a thread without one (a
    // client writing, unanswered) needs neither its order nor its people.
    if (!hasOurs(order, begin, end, parties)) continue;
    if (!inTimeOrder(order, begin, end, messages))
      order.subarray(begin, end).sort((a, b) => byTime(messages[a] as MailMessage, messages[b] as MailMessage));
    // Who is present matters only to a message of ours after it.
    let lastOurs = end - 1;
    while (parties[order[lastOurs] as number]?.direction !== 'out') lastOurs -= 1;
    present.clear();
    writtenTo.clear();
    for (let place = begin; place < end; place++) {
      const i = order[place] as number;
      const message = messages[i] as MailMessage;
      const { direction, counterparts } = parties[i] as PartiesOf;
      if (direction === 'out') {
        for (const address of counterparts) {
          if (!present.has(address)) found.add(address);
          writtenTo.add(address);
        }
        for (const address of counterparts) present.add(address);
        continue;
      }
      // An inbound message's one counterpart is its sender, already normalised.
      const from = direction === 'in' ? counterparts[0] : undefined;
      if (from !== undefined && writtenTo.has(from)) found.add(from);
      if (place > lastOurs) continue;
      present.add(from ?? normalise(message.from.email));
      for (const party of message.to) present.add(normalise(party.email));
      for (const party of message.cc) present.add(normalise(party.email));
    }
  }
  return found;
}
