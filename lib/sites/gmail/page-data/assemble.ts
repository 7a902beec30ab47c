import { categoryOf } from './category';
import {
  clip,
  MAX_LABEL,
  MAX_LABELS,
  MAX_MESSAGES_PER_THREAD,
  MAX_RECIPIENTS,
  MAX_SNIPPET,
  MAX_SUBJECT,
  MAX_THREAD_ENTRIES,
  MAX_THREADS,
} from './limits';
import type { GmailDataAddress, GmailDataMessage, GmailDataShownMessage, GmailDataThread } from './records';

// Every format reader hands over what it found as raw threads; this is the one
// place that decides what becomes a record. Nothing is invented: a thread
// without an id, a message without an id, a sender or a time is dropped and
// counted by reason, and every bound is applied here, once.

export interface RawMessage {
  /** Decimal `msg-f` id, already converted from hex where only that was given. */
  messageId?: string;
  from?: GmailDataAddress;
  /** Recipients as read; an entry is undefined where the payload held something that is not an address. */
  to: (GmailDataAddress | undefined)[];
  cc: (GmailDataAddress | undefined)[];
  /** Whether the payload names this message's recipients at all (thread lists do not). */
  recipientsKnown: boolean;
  at?: number;
  snippet?: string;
  labels: unknown[];
}

export interface RawThread {
  threadId?: string;
  /** Hex id, when the payload gives it. */
  legacyThreadId?: string;
  subject?: string;
  labels: unknown[];
  lastActivityAt?: number;
  lastMessageId?: string;
  shownMessage?: GmailDataShownMessage;
  messages: RawMessage[];
}

export type DropReason = 'thread-id' | 'message-id' | 'sender' | 'time' | 'recipient' | 'over-limit' | 'unreadable';

export class Assembly {
  private readonly byId = new Map<string, { thread: GmailDataThread; messages: Map<string, GmailDataMessage> }>();
  private examined = 0;
  dropped = 0;
  readonly droppedBy: Partial<Record<DropReason, number>> = {};

  /** Counts dropped items; recipients are counted by reason only, since they are neither threads nor messages. */
  drop(reason: DropReason, count = 1): void {
    if (count <= 0) return;
    if (reason !== 'recipient') this.dropped += count;
    this.droppedBy[reason] = (this.droppedBy[reason] ?? 0) + count;
  }

  /** The entries of a thread list to read; those past MAX_THREAD_ENTRIES in the payload are counted `over-limit`, unread. */
  entries<T>(items: T[]): T[] {
    const room = Math.max(0, MAX_THREAD_ENTRIES - this.examined);
    const kept = items.length <= room ? items : items.slice(0, room);
    this.examined += kept.length;
    this.drop('over-limit', items.length - kept.length);
    return kept;
  }

  add(raw: RawThread): void {
    const ids = threadIds(raw);
    // A thread that cannot be named takes its messages with it: they could not be stored under any thread.
    if (!ids) {
      this.drop('thread-id', 1 + raw.messages.length);
      return;
    }
    let entry = this.byId.get(ids.threadId);
    if (!entry) {
      if (this.byId.size >= MAX_THREADS) {
        this.drop('over-limit', 1 + raw.messages.length);
        return;
      }
      entry = {
        thread: { threadId: ids.threadId, legacyThreadId: ids.legacyThreadId, subject: '', labels: [], messages: [] },
        messages: new Map(),
      };
      this.byId.set(ids.threadId, entry);
    }
    const { thread, messages } = entry;
    // A later copy of the same thread in one payload is the newer state: its fields win.
    if (raw.subject !== undefined) thread.subject = clip(raw.subject, MAX_SUBJECT);
    if (raw.lastActivityAt !== undefined) thread.lastActivityAt = raw.lastActivityAt;
    if (raw.lastMessageId !== undefined) thread.lastMessageId = raw.lastMessageId;
    if (raw.shownMessage !== undefined) thread.shownMessage = raw.shownMessage;
    const labels = new Set(thread.labels);
    addLabels(labels, raw.labels);
    for (const rawMessage of raw.messages) {
      const message = this.message(rawMessage);
      if (!message) continue;
      addLabels(labels, rawMessage.labels);
      if (!messages.has(message.messageId) && messages.size >= MAX_MESSAGES_PER_THREAD) {
        this.drop('over-limit');
        continue;
      }
      messages.set(message.messageId, message);
    }
    thread.labels = [...labels].slice(0, MAX_LABELS);
    const category = categoryOf(raw);
    if (category) thread.category = category;
  }

  threads(): GmailDataThread[] {
    return [...this.byId.values()].map(({ thread, messages }) => {
      const sorted = [...messages.values()].sort((a, b) => a.at - b.at);
      const newest = sorted.at(-1)?.at;
      const lastActivityAt = Math.max(thread.lastActivityAt ?? 0, newest ?? 0);
      return { ...thread, ...(lastActivityAt > 0 && { lastActivityAt }), messages: sorted };
    });
  }

  private message(raw: RawMessage): GmailDataMessage | undefined {
    if (!raw.messageId) return this.refuse('message-id');
    if (!raw.from) return this.refuse('sender');
    if (raw.at === undefined) return this.refuse('time');
    const message: GmailDataMessage = {
      messageId: raw.messageId,
      from: raw.from,
      to: this.recipients(raw.to),
      cc: this.recipients(raw.cc),
      at: raw.at,
      draft: raw.labels.includes('^r'),
      recipientsKnown: raw.recipientsKnown,
    };
    const snippet = raw.snippet?.trim();
    if (snippet) message.snippet = clip(snippet, MAX_SNIPPET);
    return message;
  }

  private recipients(raw: (GmailDataAddress | undefined)[]): GmailDataAddress[] {
    const out: GmailDataAddress[] = [];
    const seen = new Set<string>();
    for (const entry of raw) {
      if (!entry) this.drop('recipient');
      else if (seen.has(entry.email)) continue;
      else if (out.length >= MAX_RECIPIENTS) this.drop('recipient');
      else {
        seen.add(entry.email);
        out.push(entry);
      }
    }
    return out;
  }

  private refuse(reason: DropReason): undefined {
    this.drop(reason);
    return undefined;
  }
}

function addLabels(into: Set<string>, labels: unknown[]): void {
  for (const label of labels) {
    if (into.size >= MAX_LABELS) return;
    if (typeof label === 'string' && label.length > 0 && label.length <= MAX_LABEL) into.add(label);
  }
}

/** The thread's decimal id and its hex form, from whichever the payload gives; both, or nothing. */
function threadIds(raw: RawThread): { threadId: string; legacyThreadId: string } | undefined {
  if (raw.threadId && /^\d{1,25}$/.test(raw.threadId) && /[1-9]/.test(raw.threadId)) {
    const hex = BigInt(raw.threadId).toString(16);
    if (hex.length <= 21) return { threadId: raw.threadId, legacyThreadId: hex };
  }
  const legacy = raw.legacyThreadId?.toLowerCase();
  if (legacy && /^[0-9a-f]{12,16}$/.test(legacy) && /[1-9a-f]/.test(legacy)) {
    return { threadId: BigInt(`0x${legacy}`).toString(10), legacyThreadId: legacy.replace(/^0+/, '') };
  }
  return undefined;
}
