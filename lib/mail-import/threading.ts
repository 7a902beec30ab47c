// Gives every imported message a thread as it arrives, by the strongest
// evidence it has:
//   1. Gmail's own thread id (X-GM-THRID), exactly what the Gmail web UI shows;
//   2. In-Reply-To / References chains, joined with union-find so that a reply
//      whose parent is missing still meets its siblings through shared ids;
//   3. for messages with neither (Enron-style exports, some Outlook mail): the
//      same normalized subject, shared participants, and a message of that
//      thread no more than 30 days apart.
// Messages are threaded in the order they are read, so they can be stored
// while the rest of the input is still being parsed. The few whose thread is
// only learned later are re-homed by thread moves (see thread-forest.ts).
// Only hashes are kept per message and per id, never the headers themselves.

import type { MailMessage } from '@/lib/engine/types';
import { HashIndex } from './hash-index';
import type { ImportedMessage } from './parse-message';
import { hashTextPair } from './streaming-hash';
import { normalizeSubject } from './subject';
import { ThreadForest, type ThreadMove } from './thread-forest';

export type { ThreadMove };

export const SUBJECT_THREAD_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
// Enough to tell the owner and the other party apart from a mass mailing's list.
const MAX_PEOPLE = 8;
// A subject like "Meeting" recurs for years; only its newest threads are candidates.
const MAX_CANDIDATES = 32;

export class ThreadJoiner {
  private readonly forest = new ThreadForest();
  /** Hashed `id:<Message-ID>` and `g:<X-GM-THRID>` → forest node. */
  private readonly ids = new HashIndex();
  /** Hashed normalized subject → its newest subject thread. */
  private readonly subjects = new HashIndex();
  private readonly open = new SubjectThreads();

  /** Joins the message to its thread as far as is known now; `threadIdOf` names it when it is handed out. */
  add(message: ImportedMessage): number {
    const me = message.messageId ? this.idNode(`id:${message.messageId}`) : this.forest.add();
    if (message.gmailThreadId) this.forest.union(me, this.gmailNode(message.gmailThreadId));
    for (const id of message.inReplyTo) this.forest.union(me, this.idNode(`id:${id}`));
    for (const id of message.references) this.forest.union(me, this.idNode(`id:${id}`));
    this.joinBySubject(me, message);
    // Named after its first message, so importing the same files again gives the same ids.
    if (!this.forest.isNamed(me)) this.forest.nameLocal(me, hashTextPair(message.messageId ?? message.dedupeKey));
    return me;
  }

  /** The thread id for a message added as `node`, now that it is handed out to be stored. */
  threadIdOf(node: number, message: { gmailThreadId?: string }): string {
    return message.gmailThreadId ?? this.forest.handOut(node);
  }

  get pendingMoves(): number {
    return this.forest.pendingMoves;
  }

  /** Threads handed out earlier that turned out to be part of another, oldest first. */
  takeMoves(): ThreadMove[] {
    return this.forest.takeMoves();
  }

  private idNode(key: string): number {
    const [high, low] = hashTextPair(key);
    let node = this.ids.get(high, low);
    if (node === -1) {
      node = this.forest.add();
      this.ids.set(high, low, node);
    }
    return node;
  }

  private gmailNode(gmailThreadId: string): number {
    const [high, low] = hashTextPair(`g:${gmailThreadId}`);
    let node = this.ids.get(high, low);
    if (node === -1) {
      node = this.forest.add();
      this.ids.set(high, low, node);
      this.forest.nameGmail(node, gmailThreadId);
    }
    return node;
  }

  private joinBySubject(me: number, message: ImportedMessage): void {
    const subject = normalizeSubject(message.subject);
    if (!subject) return;
    const [high, low] = hashTextPair(subject);
    const head = this.subjects.get(high, low);
    const people = participants(message);
    const linked = message.gmailThreadId !== undefined || message.inReplyTo.length > 0 || message.references.length > 0;
    const root = this.forest.find(me);
    const { open } = this;
    let found = -1;
    for (let entry = head, seen = 0; entry !== -1 && seen < MAX_CANDIDATES; entry = open.next(entry), seen++) {
      if (!open.near(entry, message.at)) continue;
      // A linked message already knows its thread: it only widens that thread's subject entry.
      const matches = linked ? this.forest.find(open.node(entry)) === root : open.sharesPeople(entry, people);
      if (matches) {
        found = entry;
        break;
      }
    }
    if (found === -1) {
      this.subjects.set(high, low, open.push(me, message.at, people, head));
      return;
    }
    if (!linked) this.forest.union(open.node(found), me);
    open.widen(found, message.at, people);
  }
}

/** Hashes of the message's addresses, each once. */
function participants(message: ImportedMessage): number[] {
  const hashes = new Set<number>();
  hashes.add(hashAddress(message.from.email));
  for (const address of message.to) hashes.add(hashAddress(address.email));
  for (const address of message.cc) hashes.add(hashAddress(address.email));
  return [...hashes];
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and a rare collision only joins a same-subject thread. */
function hashAddress(email: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < email.length; i++) hash = Math.imul(hash ^ email.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Threads found by subject, in typed arrays: their node, time span, up to eight participants, the older entry of the same subject. */
class SubjectThreads {
  private nodes = new Int32Array(1024);
  private nextOf = new Int32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private people = new Uint32Array(1024 * MAX_PEOPLE);
  private peopleCount = new Uint8Array(1024);
  private count = 0;

  push(node: number, at: number, people: readonly number[], older: number): number {
    if (this.count === this.nodes.length) this.grow();
    const entry = this.count++;
    this.nodes[entry] = node;
    this.nextOf[entry] = older;
    this.first[entry] = at;
    this.last[entry] = at;
    this.peopleCount[entry] = 0;
    this.addPeople(entry, people);
    return entry;
  }

  node(entry: number): number {
    return this.nodes[entry] as number;
  }

  next(entry: number): number {
    return this.nextOf[entry] as number;
  }

  near(entry: number, at: number): boolean {
    return (
      at >= (this.first[entry] as number) - SUBJECT_THREAD_WINDOW_MS &&
      at <= (this.last[entry] as number) + SUBJECT_THREAD_WINDOW_MS
    );
  }

  widen(entry: number, at: number, people: readonly number[]): void {
    this.first[entry] = Math.min(this.first[entry] as number, at);
    this.last[entry] = Math.max(this.last[entry] as number, at);
    this.addPeople(entry, people);
  }

  // Within one person's mailbox the owner is in almost every message, so one
  // shared address proves nothing: two are needed (the owner and the other
  // party), unless a side has a single participant.
  sharesPeople(entry: number, people: readonly number[]): boolean {
    const count = this.peopleCount[entry] as number;
    const needed = Math.min(2, count, people.length);
    let shared = 0;
    for (const person of people) {
      if (this.has(entry, count, person) && ++shared >= needed) return true;
    }
    return false;
  }

  private has(entry: number, count: number, person: number): boolean {
    const start = entry * MAX_PEOPLE;
    for (let i = start; i < start + count; i++) if (this.people[i] === person) return true;
    return false;
  }

  private addPeople(entry: number, people: readonly number[]): void {
    let count = this.peopleCount[entry] as number;
    for (const person of people) {
      if (count >= MAX_PEOPLE) break;
      if (this.has(entry, count, person)) continue;
      this.people[entry * MAX_PEOPLE + count] = person;
      count++;
    }
    this.peopleCount[entry] = count;
  }

  private grow(): void {
    const size = this.nodes.length * 2;
    const widen = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.nodes = widen(this.nodes, new Int32Array(size));
    this.nextOf = widen(this.nextOf, new Int32Array(size));
    this.first = widen(this.first, new Float64Array(size));
    this.last = widen(this.last, new Float64Array(size));
    this.people = widen(this.people, new Uint32Array(size * MAX_PEOPLE));
    this.peopleCount = widen(this.peopleCount, new Uint8Array(size));
  }
}

/** The engine's record for an imported message in the given thread. */
export function toMailMessage(message: ImportedMessage, threadId: string): MailMessage {
  return {
    id: message.messageId ?? `h:${message.dedupeKey}`,
    threadId,
    at: message.at,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    snippet: message.snippet,
  };
}
