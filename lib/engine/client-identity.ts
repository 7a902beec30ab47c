// Who is a client: the direction of each message and the client behind each
// external address. An organisation is the registrable domain (Public Suffix
// List, via tldts); a free-mail address is its own client, a person.
import { freeEmailDomains } from 'free-email-domains-typescript';
import { getDomain } from 'tldts';
import type { AccountIdentity, MailAddress, MailMessage } from './types';

export type Direction = 'in' | 'out' | 'internal';

export const FREE_MAIL: ReadonlySet<string> = new Set(freeEmailDomains);

export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/** The client an external address belongs to: "acme.co.uk" for an organisation, the address for free mail. */
export function baseClientKey(email: string): string | undefined {
  const address = email.trim().toLowerCase();
  const domain = domainOf(address);
  if (!domain || address.indexOf('@') === 0) return undefined;
  if (FREE_MAIL.has(domain)) return address;
  return getDomain(domain, { allowPrivateDomains: true }) ?? domain;
}

export function isPersonKey(key: string): boolean {
  return key.includes('@');
}

export interface MessageParties {
  direction: Direction;
  /**
   * External addresses the message may count for (sender when inbound,
   * recipients when outbound); whether it does is the grouping's decision (sender-kind.ts).
   */
  counterparts: string[];
}

/**
 * Trims and lowercases addresses, each distinct string once: a mailbox writes
 * the same few addresses on most of its messages.
 */
export function createAddressNormaliser(): (email: string) => string {
  const known = new Map<string, string>();
  return (email) => {
    let address = known.get(email);
    if (address === undefined) {
      address = email.trim().toLowerCase();
      known.set(email, address);
    }
    return address;
  };
}

/** Whether an address is the user's or a colleague's (internal), for one account; remembers its answers. */
export function createOurSideTest(identity: AccountIdentity): (email: string) => boolean {
  const own = new Set(identity.addresses.map((a) => a.trim().toLowerCase()));
  const internal = new Set(identity.internalDomains.map((d) => d.trim().toLowerCase()));
  const ourSide = new Map<string, boolean>();
  return (email) => {
    let answer = ourSide.get(email);
    if (answer === undefined) {
      const domain = domainOf(email);
      answer = own.has(email) || internal.has(domain) || internal.has(getDomain(domain) ?? domain);
      ourSide.set(email, answer);
    }
    return answer;
  };
}

/**
 * Classifies messages for one account; keeps per-address answers so a mailbox
 * is classified in one pass. An inbound message's answer depends on its sender
 * alone, so each sender's is made once and shared: callers only read it.
 */
export function createPartyClassifier(identity: AccountIdentity): (message: MailMessage) => MessageParties {
  const isOurSide = createOurSideTest(identity);
  // Each sender's answer; null for our side, so that our own messages too are known in one look-up.
  const inbound = new Map<string, MessageParties | null>();
  // Each recipient's address as written, once normalised: '' when it is ours or no address.
  const external = new Map<string, string>();
  // A message we sent to one outside address shares that address's answer, as inbound ones share their sender's.
  const toOne = new Map<string, MessageParties>();
  const recipients = new Set<string>();
  const internal: MessageParties = { direction: 'internal', counterparts: [] };
  // Each list on its own rather than a joined copy: every message of a mailbox passes here.
  const add = (list: readonly MailAddress[]) => {
    for (const r of list) {
      let email = external.get(r.email);
      if (email === undefined) {
        email = r.email.trim().toLowerCase();
        if (!email.includes('@') || isOurSide(email)) email = '';
        external.set(r.email, email);
      }
      if (email !== '') recipients.add(email);
    }
  };

  // Recipients' answer from scratch: every address normalised once, then the shared answer for one outside address.
  const byRecipients = (message: MailMessage): MessageParties => {
    recipients.clear();
    add(message.to);
    add(message.cc);
    if (recipients.size === 0) return internal;
    if (recipients.size > 1) return { direction: 'out', counterparts: [...recipients] };
    const only = recipients.values().next().value as string;
    let sent = toOne.get(only);
    if (!sent) {
      sent = { direction: 'out', counterparts: [only] };
      toOne.set(only, sent);
    }
    return sent;
  };
  // A message to one address alone (most of what we send) by that address as written: one look-up.
  const soleRecipient = new Map<string, MessageParties>();

  return (message) => {
    const raw = message.from.email;
    let parties = inbound.get(raw);
    if (parties === undefined) {
      const from = raw.trim().toLowerCase();
      parties = isOurSide(from) ? null : { direction: 'in', counterparts: from.includes('@') ? [from] : [] };
      inbound.set(raw, parties);
    }
    if (parties) return parties;
    const sole = message.to.length + message.cc.length === 1 ? (message.to[0] ?? message.cc[0])?.email : undefined;
    if (sole === undefined) return byRecipients(message);
    let sent = soleRecipient.get(sole);
    if (!sent) {
      sent = byRecipients(message);
      soleRecipient.set(sole, sent);
    }
    return sent;
  };
}
