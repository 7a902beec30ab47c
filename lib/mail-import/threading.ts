// Gives every imported message a thread id, by the strongest evidence it has:
//   1. Gmail's own thread id (X-GM-THRID), exactly what the Gmail web UI shows;
//   2. In-Reply-To / References chains, joined with union-find so that a reply
//      whose parent is missing still meets its siblings through shared ids;
//   3. for messages with neither (Enron-style exports, some Outlook mail): the
//      same normalized subject, shared participants, and the thread's last
//      message no more than 30 days earlier.

import type { MailMessage } from '@/lib/engine/types';
import type { ImportedMessage } from './parse-message';
import { hashText } from './streaming-hash';
import { normalizeSubject } from './subject';
import { UnionFind } from './union-find';

export const SUBJECT_THREAD_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

interface SubjectThread {
  member: string;
  lastAt: number;
  participants: Set<string>;
}

/**
 * Thread ids for `messages`, in the same order. `gmailThreadOf` maps Message-IDs
 * already known to belong to a Gmail thread (from messages with X-GM-THRID),
 * so a reply from another source joins that thread.
 */
export function assignThreads(
  messages: readonly ImportedMessage[],
  gmailThreadOf: ReadonlyMap<string, string> = new Map(),
): string[] {
  const sets = new UnionFind();
  const memberKey = (i: number) => `m:${i}`;

  messages.forEach((message, i) => {
    const me = memberKey(i);
    sets.find(me);
    if (message.gmailThreadId) sets.union(me, `g:${message.gmailThreadId}`);
    if (message.messageId) sets.union(me, `id:${message.messageId}`);
    for (const id of [...message.inReplyTo, ...message.references]) {
      sets.union(me, `id:${id}`);
      const gmailThread = gmailThreadOf.get(id);
      if (gmailThread) sets.union(me, `g:${gmailThread}`);
    }
  });

  const byTime = messages
    .map((_, i) => i)
    .sort((a, b) => (messages[a] as ImportedMessage).at - (messages[b] as ImportedMessage).at || a - b);
  joinBySubject(messages, byTime, sets, memberKey);

  // Name each thread after its Gmail id, else after its earliest message, so the
  // id stays the same when the same mail is imported again.
  const names = new Map<number, string>();
  for (const i of byTime) {
    const message = messages[i] as ImportedMessage;
    const root = sets.find(memberKey(i));
    const gmail = message.gmailThreadId ?? gmailThreadAmong(message, gmailThreadOf);
    if (gmail && !names.get(root)?.match(/^\d+$/)) names.set(root, gmail);
    else if (!names.has(root)) names.set(root, `t:${hashText(message.messageId ?? message.dedupeKey)}`);
  }
  return messages.map((message, i) => message.gmailThreadId ?? (names.get(sets.find(memberKey(i))) as string));
}

function joinBySubject(
  messages: readonly ImportedMessage[],
  byTime: readonly number[],
  sets: UnionFind,
  memberKey: (i: number) => string,
): void {
  const open = new Map<string, SubjectThread[]>();
  for (const i of byTime) {
    const message = messages[i] as ImportedMessage;
    const subject = normalizeSubject(message.subject);
    if (!subject) continue;
    const me = memberKey(i);
    const people = participants(message);
    // Sorted by time, so threads that went quiet more than the window ago can never match again.
    const candidates = (open.get(subject) ?? []).filter(
      (thread) => message.at - thread.lastAt <= SUBJECT_THREAD_WINDOW_MS,
    );
    open.set(subject, candidates);

    const linked = message.gmailThreadId !== undefined || message.inReplyTo.length > 0 || message.references.length > 0;
    const thread = linked
      ? candidates.find((candidate) => sets.find(candidate.member) === sets.find(me))
      : candidates.findLast((candidate) => sharesParticipants(candidate.participants, people));
    if (thread) {
      sets.union(thread.member, me);
      thread.lastAt = message.at;
      for (const person of people) thread.participants.add(person);
    } else {
      candidates.push({ member: me, lastAt: message.at, participants: people });
    }
  }
}

function participants(message: ImportedMessage): Set<string> {
  return new Set([message.from, ...message.to, ...message.cc].map((address) => address.email));
}

// Within one person's mailbox the owner is in almost every message, so one
// shared address proves nothing: two are needed (the owner and the other
// party), unless a side has a single participant.
function sharesParticipants(thread: Set<string>, message: Set<string>): boolean {
  const needed = Math.min(2, thread.size, message.size);
  let shared = 0;
  for (const person of message) {
    if (thread.has(person) && ++shared >= needed) return true;
  }
  return false;
}

function gmailThreadAmong(message: ImportedMessage, gmailThreadOf: ReadonlyMap<string, string>): string | undefined {
  for (const id of [...message.inReplyTo, ...message.references]) {
    const thread = gmailThreadOf.get(id);
    if (thread) return thread;
  }
  return undefined;
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
