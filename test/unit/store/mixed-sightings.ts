// A generated mailbox seen the ways the product sees mail, mixed: every message
// imported, every third opened in a conversation (same id, another snippet),
// every fifth named first or last by a list row's date title (a dated key, to
// the minute). Batched in any size, it must store the same records.
import { clientRefsFor } from '@/lib/engine/account-identity';
import { datedMessageId, type MessageObservation } from '@/lib/store/ingest';
import { identity, ME, syntheticMailbox } from '../engine/mail-builders';

const MINUTE = 60_000;

export const refsOf = clientRefsFor(ME, identity);

export function mixedSightings(clients: number, messages: number, now: number): MessageObservation[] {
  const sightings: MessageObservation[] = [];
  syntheticMailbox(clients, messages, now).forEach((message, i) => {
    const imported: MessageObservation = { ...message, source: 'import', senderKnown: true, timeExact: true };
    const seen = [imported];
    if (i % 3 === 0) seen.push({ ...imported, source: 'conversation', snippet: `Opened: ${message.snippet}` });
    if (i % 5 === 0) {
      const at = Math.floor(message.at / MINUTE) * MINUTE;
      const row = { ...imported, id: datedMessageId(message.threadId, at), at, source: 'list', timeExact: false };
      if (i % 2 === 0) seen.unshift(row as MessageObservation);
      else seen.push(row as MessageObservation);
    }
    sightings.push(...seen);
  });
  return sightings;
}
