import { readEmail } from './dom-text';
import type { Participant } from './records';

/** The people in `elements`, once each by address, "me" decided by address. */
export function readParticipants(elements: Iterable<Element>, myAddresses: readonly string[]): Participant[] {
  const byEmail = new Map<string, Participant>();
  for (const element of elements) {
    const email = readEmail(element);
    if (!email || byEmail.has(email)) continue;
    const name = (element.getAttribute('name') ?? element.textContent ?? '').trim().slice(0, 200);
    byEmail.set(email, { email, name, isMe: myAddresses.includes(email) });
  }
  return [...byEmail.values()];
}
