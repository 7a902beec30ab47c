import { baseClientKey, createPartyClassifier } from './client-identity';
import type { AccountIdentity, MailAddress, MailMessage } from './types';

/** What the user said of an account: its aliases and the domains of their colleagues. */
interface AccountSettings {
  aliases?: readonly string[];
  internalDomains?: readonly string[];
}

/**
 * Who the user is for one Gmail account: its address and aliases, and its
 * organisation's domain as internal (colleagues are not clients) unless it is
 * a free-mail address, where the user is alone, plus the domains the user
 * named as internal.
 */
export function accountIdentity(address: string, settings?: AccountSettings): AccountIdentity {
  const own = address.toLowerCase();
  const key = baseClientKey(own);
  const ownDomain = key && key !== own ? [key] : [];
  return {
    addresses: [...new Set([own, ...(settings?.aliases ?? [])])],
    internalDomains: [...new Set([...ownDomain, ...(settings?.internalDomains ?? [])])],
  };
}

/** `<account>|<client key>` for every client among a thread's people, as Gmail lists them. */
export function participantRefs(refsOf: (message: MailMessage) => string[], participants: MailAddress[]): string[] {
  return refsOf({
    id: '',
    threadId: '',
    at: 0,
    from: { email: '' },
    to: participants,
    cc: [],
    subject: '',
    snippet: '',
  });
}

/** `<account>|<client key>` for every client a message involves. */
export function clientRefsFor(account: string, identity: AccountIdentity): (message: MailMessage) => string[] {
  const classify = createPartyClassifier(identity);
  return (message) => {
    const keys = new Set<string>();
    // A list row does not say who sent its last message: read its people as if the user wrote to them.
    const parties = classify(message.from.email ? message : { ...message, from: { email: account } });
    for (const address of parties.counterparts) {
      const key = baseClientKey(address);
      if (key) keys.add(`${account}|${key}`);
    }
    return [...keys];
  };
}
