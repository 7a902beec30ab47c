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
import { SubjectThreads } from './subject-threads';
import { ThreadForest, type ThreadMove } from './thread-forest';

export type { ThreadMove };

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

/** An imported message as handed out to be stored: the engine's record and its copy key. */
export interface ImportedMailMessage extends MailMessage {
  /**
   * The content key of dedupe.ts: equal for every copy of one message, whatever
   * Message-ID each copy carries, so a later import can tell a copy from new mail.
   */
  copyKey: string;
}

/** The engine's record for an imported message in the given thread. */
export function toMailMessage(message: ImportedMessage, threadId: string): ImportedMailMessage {
  const record: ImportedMailMessage = {
    id: message.messageId ?? `h:${message.dedupeKey}`,
    threadId,
    at: message.at,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    snippet: message.snippet,
    copyKey: message.dedupeKey,
  };
  // Set, not spread into the literal: a spread makes every message's record a property at a time.
  if (message.bulk) record.bulk = message.bulk;
  return record;
}
