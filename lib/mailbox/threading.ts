import type { MailMessage } from '@/lib/engine/types';
import { digest, type ImportedMessage } from './parse-message';

// Reply prefixes in the languages our users write, and mailing-list tags:
// "Re: Fwd: [EXTERNAL] Invoice" and "RE: Invoice" are one conversation.
const PREFIX =
  /^\s*(?:(?:re|fw|fwd|aw|sv|wg|tr|rif|отв|ответ|відп|вiдп|пересл|fwd?)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*|\[[^\]]{1,40}\]\s*)/i;
/** Messages with the same subject and people this far apart are separate conversations. */
const SAME_THREAD_WINDOW_MS = 30 * 86_400_000;

export function normalizeSubject(subject: string): string {
  let s = subject;
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(PREFIX, '');
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The same message in several folders (Enron keeps copies with different
 * Message-IDs) shares its time, sender, subject and body.
 */
export function dedupeKey(m: ImportedMessage): string {
  return `${m.at}|${m.from.email}|${normalizeSubject(m.subject)}|${m.bodyDigest}`;
}

interface OpenThread {
  id: string;
  people: Set<string>;
  lastAt: number;
}

const people = (m: ImportedMessage) => [m.from, ...m.to, ...m.cc].map((a) => a.email);

/**
 * Gives every message a thread: Gmail's thread id when the export has it; else
 * the In-Reply-To/References chain; else the normalized subject among messages
 * that share a person and lie within 30 days of the thread's last message
 * (archives often lack reply headers).
 */
export function threadMessages(input: readonly ImportedMessage[]): MailMessage[] {
  const messages = [...input].sort((a, b) => a.at - b.at);
  const threadOfMessageId = new Map<string, string>();
  const bySubject = new Map<string, OpenThread[]>();
  const out: MailMessage[] = [];
  for (const m of messages) {
    const id = m.messageId ?? `import:${m.at}:${digest(dedupeKey(m))}`;
    const subject = normalizeSubject(m.subject);
    const who = people(m);
    let threadId = m.gmailThreadId;
    if (!threadId) {
      for (const ref of [m.inReplyTo, ...m.references.slice().reverse()]) {
        const found = ref ? threadOfMessageId.get(ref) : undefined;
        if (found) {
          threadId = found;
          break;
        }
      }
    }
    if (!threadId && subject) {
      const candidates = bySubject.get(subject) ?? [];
      threadId = candidates.find(
        (t) => m.at - t.lastAt <= SAME_THREAD_WINDOW_MS && who.some((p) => t.people.has(p)),
      )?.id;
    }
    threadId ??= `import:${digest(id)}:${m.at}`;
    threadOfMessageId.set(id, threadId);
    if (subject) {
      const candidates = bySubject.get(subject) ?? [];
      let open = candidates.find((t) => t.id === threadId);
      if (!open) {
        open = { id: threadId, people: new Set(), lastAt: m.at };
        candidates.push(open);
        bySubject.set(subject, candidates);
      }
      for (const p of who) open.people.add(p);
      open.lastAt = Math.max(open.lastAt, m.at);
    }
    out.push({ id, threadId, at: m.at, from: m.from, to: m.to, cc: m.cc, subject: m.subject, snippet: m.snippet });
  }
  return out;
}
