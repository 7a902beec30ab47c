// The clients the engine set aside: keys whose every message came from or went
// to automated or bulk senders. They get no report (so no badge, risk,
// follow-up or place in a waiting list), and are listed with the evidence for
// each sender so the user can see why, and say "this is a client".
import { isPersonKey } from './client-identity';
import type { SenderSignal } from './sender-kind';

/** Senders kept per set-aside client, the most recent first; the rest are counted. */
export const SENDERS_KEPT = 10;

export interface SetAsideSender {
  address: string;
  /** The latest display name written for it; may be empty. */
  name: string;
  /** Why its latest message did not count. */
  signal: SenderSignal;
  messages: number;
  lastAt: number;
}

export interface SetAsideClient {
  key: string;
  kind: 'org' | 'person';
  /** The latest display name of its most recent sender, else the key. */
  name: string;
  /** Messages from or to its addresses, none of which counted. */
  messages: number;
  lastAt: number;
  /** Most recent first, at most SENDERS_KEPT. */
  senders: SetAsideSender[];
  senderCount: number;
}

/** Set-aside senders by client key, as a grouping collects them. */
export type SetAsideNotes = Map<string, Map<string, SetAsideSender>>;

export function noteSetAside(
  notes: SetAsideNotes,
  key: string,
  address: string,
  name: string,
  signal: SenderSignal,
  at: number,
): void {
  let senders = notes.get(key);
  if (!senders) {
    senders = new Map();
    notes.set(key, senders);
  }
  const known = senders.get(address);
  if (!known) {
    senders.set(address, { address, name, signal, messages: 1, lastAt: at });
    return;
  }
  known.messages += 1;
  if (at >= known.lastAt) {
    known.lastAt = at;
    known.signal = signal;
    if (name !== '') known.name = name;
  } else if (known.name === '') known.name = name;
}

const newestFirst = (a: SetAsideSender, b: SetAsideSender) =>
  b.lastAt - a.lastAt || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/** The notes of one key as reported. */
export function setAsideClient(key: string, senders: ReadonlyMap<string, SetAsideSender>): SetAsideClient {
  const all = [...senders.values()].sort(newestFirst);
  const latest = all[0];
  return {
    key,
    kind: isPersonKey(key) ? 'person' : 'org',
    name: latest?.name || key,
    messages: all.reduce((sum, s) => sum + s.messages, 0),
    lastAt: latest?.lastAt ?? 0,
    senders: all.slice(0, SENDERS_KEPT).map((s) => ({ ...s })),
    senderCount: all.length,
  };
}

/** Every key of the notes that is not a client after all (no counted message, no contact outside mail), most recent first. */
export function setAsideClients(notes: SetAsideNotes, isClient: (key: string) => boolean): SetAsideClient[] {
  const out: SetAsideClient[] = [];
  for (const [key, senders] of notes) if (!isClient(key)) out.push(setAsideClient(key, senders));
  return out.sort(bySetAsideOrder);
}

export const bySetAsideOrder = (a: SetAsideClient, b: SetAsideClient) =>
  b.lastAt - a.lastAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
