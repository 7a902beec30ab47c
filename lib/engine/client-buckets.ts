// Two passes over the messages: validate, drop duplicates and classify, find
// whom the user corresponds with, then put each message in the bucket of every
// client it counts for, and note each automated or bulk sender it does not
// count for (sender-kind.ts) under its client's key.
import { DAY } from './business-hours';
import { createAddressNormaliser, createPartyClassifier, type MessageParties } from './client-identity';
import { distinctIds } from './distinct-ids';
import { type ClientMail, isBlankSubject, type MessageColumns } from './message-columns';
import type { ClientResolver } from './overrides';
import type { InputIssue } from './report-types';
import { type AddressSignal, addressSignal, findCorrespondents, setAsideSignal } from './sender-kind';
import { noteSetAside, type SetAsideNotes } from './set-aside';
import { numberThreads, type ThreadNumbers } from './thread-numbers';
import type { AccountIdentity, MailMessage } from './types';

/** Senders' clocks drift; a message up to this far after `now` is taken as sent now. */
const CLOCK_SKEW_ALLOWANCE = DAY;

export interface ClientBucket {
  key: string;
  /** The client's messages in the order they were grouped, as rows of the grouping's columns. */
  mail: ClientMail;
  /** Each address of the client seen, with the latest display name written for it. */
  addresses: Map<string, { name: string; at: number }>;
  /** Times of contact outside mail (see outside-contact.ts), oldest first. */
  events: number[];
  /** Which of its first message's counterparts made the bucket: the order clients are met in. */
  firstParty?: number;
}

export interface Grouped {
  buckets: Map<string, ClientBucket>;
  /** Senders that did not count, by client key; a key with a bucket as well is a client. */
  setAside: SetAsideNotes;
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

function nameOf(
  m: MailMessage,
  direction: 'in' | 'out',
  address: string,
  normalise: (email: string) => string,
): string {
  if (direction === 'in') return m.from.name?.trim() ?? '';
  for (const r of m.to) if (normalise(r.email) === address) return r.name?.trim() ?? '';
  for (const r of m.cc) if (normalise(r.email) === address) return r.name?.trim() ?? '';
  return '';
}

/** The latest display name written for one address of a client, and when. */
interface AddressName {
  name: string;
  at: number;
}

/**
 * Keeps the latest non-empty display name written for each address, given
 * the address's entry when it has one; updated in place, since nearly every
 * message of an address is its latest so far. Returns the entry, which the
 * caller keeps so that the next message of the address needs no look-up.
 */
function noteName(
  bucket: ClientBucket,
  address: string,
  name: string,
  at: number,
  known = bucket.addresses.get(address),
): AddressName {
  if (!known) {
    const added = { name, at };
    bucket.addresses.set(address, added);
    return added;
  }
  if (name !== '' && (at >= known.at || known.name === '')) {
    known.name = name;
    known.at = at;
  }
  return known;
}

/** A bucket being filled: the rows of its messages in the grouping's columns. */
interface Filling {
  bucket: ClientBucket;
  rows: number[];
}

/**
 * A bucket of rows of the grouping's columns rather than of message objects:
 * the objects would all live through the whole grouping, where the garbage
 * collector copies every one of them as it ages (see message-columns.ts).
 */
function bucketOver(columns: MessageColumns, key: string, firstParty: number): Filling {
  const rows: number[] = [];
  const bucket: ClientBucket = { key, mail: { columns, rows }, addresses: new Map(), events: [], firstParty };
  return { bucket, rows };
}

/** Columns for the usable messages, their times, sides, ids and subjects filled as they are grouped. */
function columnsFor(usable: readonly MailMessage[], threads: ThreadNumbers): MessageColumns {
  return {
    at: new Float64Array(usable.length),
    fromClient: new Uint8Array(usable.length),
    thread: threads.of,
    threadIds: threads.ids,
    id: new Array(usable.length),
    subject: new Array(usable.length),
    blankSubject: new Uint8Array(usable.length),
    text: usable,
  };
}

/** Row i of the columns: the message's time, side, id and subject, and whether the subject is blank. */
function fillRow(columns: MessageColumns, i: number, m: MailMessage, at: number, fromClient: boolean): void {
  columns.at[i] = at;
  columns.fromClient[i] = fromClient ? 1 : 0;
  columns.id[i] = m.id;
  const subject = m.subject ?? '';
  columns.subject[i] = subject;
  columns.blankSubject[i] = isBlankSubject(subject) ? 1 : 0;
}

export function groupByClient(
  messages: readonly MailMessage[],
  identity: AccountIdentity,
  resolver: ClientResolver,
  now: number,
): Grouped {
  const classify = createPartyClassifier(identity);
  const setAside: SetAsideNotes = new Map();
  const issues: InputIssue[] = [];
  const firstOfItsId = distinctIds(messages.length);
  // The messages that can count for a client, and their parties, side by side rather than paired in objects;
  // sized for every message at once, and cut to the usable ones after, rather than grown a push at a time.
  const usable: MailMessage[] = new Array(messages.length);
  const usableParties: MessageParties[] = new Array(messages.length);
  let count = 0;
  for (const m of messages) {
    const problem = problemWith(m, now);
    if (problem) {
      issues.push({ ...(typeof m?.id === 'string' && m.id !== '' && { messageId: m.id }), problem });
      continue;
    }
    if (!firstOfItsId(m.id)) continue;
    const parties = classify(m);
    if (parties.direction === 'internal') continue;
    usable[count] = m;
    usableParties[count] = parties;
    count += 1;
  }
  usable.length = count;
  usableParties.length = count;
  const threads = numberThreads(usable);
  const normalise = createAddressNormaliser();
  const correspondents = findCorrespondents(usable, usableParties, threads, normalise);
  // The client and the signal of each address, asked once per address rather than per message.
  // Its bucket too, once there is one: a bucket is asked for once per message.
  const facts = new Map<
    string,
    { key: string | undefined; kind: AddressSignal | undefined; filling?: Filling; named?: AddressName }
  >();
  const fillings = new Map<string, Filling>();
  const columns = columnsFor(usable, threads);
  const factsOf = (address: string) => {
    let known = facts.get(address);
    if (!known) {
      const key = resolver.keyOf(address);
      known = { key, kind: key === undefined ? undefined : addressSignal(address) };
      facts.set(address, known);
    }
    return known;
  };
  for (let i = 0; i < usable.length; i++) {
    const m = usable[i] as MailMessage;
    const parties = usableParties[i] as MessageParties;
    const direction = parties.direction === 'in' ? 'in' : 'out';
    const at = Math.min(m.at, now);
    fillRow(columns, i, m, at, direction === 'in');
    // The clients already counted for this message; only a message to several people can count twice.
    const { counterparts } = parties;
    const counted: string[] | undefined = counterparts.length > 1 ? [] : undefined;
    for (let party = 0; party < counterparts.length; party++) {
      const address = counterparts[party] as string;
      const fact = factsOf(address);
      const { key, kind: addressKind } = fact;
      if (key === undefined) continue;
      const name = nameOf(m, direction, address, normalise);
      // Without a signal of its address or its message, nothing sets it aside.
      const signal =
        addressKind === undefined && m.bulk === undefined
          ? undefined
          : setAsideSignal(
              addressKind,
              { correspondent: correspondents.has(address), included: resolver.override(key).include === true },
              m.bulk,
            );
      if (signal) {
        noteSetAside(setAside, key, address, name, signal, at);
        continue;
      }
      let filling = fact.filling ?? fillings.get(key);
      if (!filling) {
        filling = bucketOver(columns, key, party);
        fillings.set(key, filling);
      }
      fact.filling = filling;
      fact.named = noteName(filling.bucket, address, name, m.at, fact.named);
      // Two people of one organisation on the same message count once for it.
      if (counted) {
        if (counted.includes(key)) continue;
        counted.push(key);
      }
      filling.rows.push(i);
    }
  }
  const buckets = new Map<string, ClientBucket>();
  for (const [key, filling] of fillings) buckets.set(key, filling.bucket);
  return { buckets, setAside, issues };
}
