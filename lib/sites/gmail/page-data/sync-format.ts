import { parseDecimalId } from '../gmail-ids';
import type { Assembly, RawMessage, RawThread } from './assemble';
import { decimalDigits, decimalFromHex, epochMs, field, listField, syncContact, textField } from './fields';
import { MAX_THREAD_ENTRIES } from './limits';

// Gmail's "sync" data layer (GM_SPT_ENABLED): the `/sync/u/N/i/bv` thread
// lists, the `/sync/u/N/i/fd` thread responses, and the same data embedded at
// first load (`a6jdv` for lists, `Cl6csf` for threads). Field numbers below are
// those of the 2018–2021 object form; `field()` reads the 2022+ array form too.
//
// A list's thread descriptor: 1 subject, 2 snippet, 4 `thread-f:` id, 5 messages,
// 18 decimal / 20 hex legacy id. Its messages: 1 `msg-f:` id, 2 sender, 3 to,
// 4 cc, 7 time (ms), 10 snippet, 11 labels, 56 hex legacy id.
// A thread response: 1 id, 2 {1 summary, 2 messages}, 3 message details.
// Summary: 1 id, 2 subject, 14 decimal / 16 hex legacy id. Its messages: 1 id,
// 2 sender, 4 labels, 7 time, 11 snippet, 25 decimal / 28 hex legacy id.
// Details: 1 id, 2 {1 to, 2 cc, 3 bcc}.

const THREAD_REF = /^thread-[af]:/;

function isDescriptor(node: unknown): boolean {
  const id = field(node, 4);
  return typeof id === 'string' && THREAD_REF.test(id) && Array.isArray(field(node, 5));
}

function isThreadResponse(node: unknown): boolean {
  const id = field(node, 1);
  return typeof id === 'string' && THREAD_REF.test(id) && field(field(node, 2), 1) !== undefined;
}

/** `msg-f:`/`thread-f:` decimal; a `msg-a:`/`thread-a:` id (the user's own, before Gmail numbers it) gives nothing. */
function decimalRef(value: unknown): string | undefined {
  return typeof value === 'string' ? parseDecimalId(value)?.decimal : undefined;
}

function listMessage(node: unknown): RawMessage {
  const to = field(node, 3);
  const cc = field(node, 4);
  return {
    messageId: decimalRef(field(node, 1)) ?? decimalFromHex(field(node, 56)),
    from: syncContact(field(node, 2)),
    to: listField(node, 3).map(syncContact),
    cc: listField(node, 4).map(syncContact),
    recipientsKnown: Array.isArray(to) || Array.isArray(cc),
    at: epochMs(field(node, 7)),
    snippet: textField(node, 10),
    labels: listField(node, 11),
  };
}

function listThread(descriptor: unknown): RawThread {
  return {
    threadId: decimalRef(field(descriptor, 4)) ?? decimalDigits(field(descriptor, 18)),
    legacyThreadId: textField(descriptor, 20),
    subject: textField(descriptor, 1),
    labels: [],
    messages: listField(descriptor, 5).map(listMessage),
  };
}

function responseThread(node: unknown): RawThread {
  const summary = field(field(node, 2), 1);
  const details = new Map<string, unknown>();
  for (const detail of listField(node, 3)) {
    const id = field(detail, 1);
    if (typeof id === 'string') details.set(id, field(detail, 2));
  }
  const messages = listField(field(node, 2), 2).map((message): RawMessage => {
    const ref = field(message, 1);
    const detail = typeof ref === 'string' ? details.get(ref) : undefined;
    return {
      messageId: decimalRef(ref) ?? decimalDigits(field(message, 25)) ?? decimalFromHex(field(message, 28)),
      from: syncContact(field(message, 2)),
      to: listField(detail, 1).map(syncContact),
      cc: listField(detail, 2).map(syncContact),
      recipientsKnown: detail !== undefined,
      at: epochMs(field(message, 7)),
      snippet: textField(message, 11),
      labels: listField(message, 4),
    };
  });
  return {
    threadId: decimalRef(field(node, 1)) ?? decimalRef(field(summary, 1)) ?? decimalDigits(field(summary, 14)),
    legacyThreadId: textField(summary, 16),
    subject: textField(summary, 2),
    labels: [],
    messages,
  };
}

/**
 * Reads one parsed sync payload into the assembly. Returns false when the value
 * holds none of the thread containers the formats define.
 */
export function readSync(value: unknown, assembly: Assembly): boolean {
  const candidates: [unknown[], (node: unknown) => unknown, (node: unknown) => RawThread][] = [
    // bv response and search: field 3 holds {1: descriptor}.
    [listField(value, 3), (w) => field(w, 1), listThread],
    // a6jdv, embedded list: field 1 → field 1 holds {5: descriptor}.
    [listField(field(value, 1), 1), (w) => field(w, 5), listThread],
    // Cl6csf, embedded threads: field 2 holds {2: descriptor}.
    [listField(value, 2), (w) => field(w, 2), listThread],
    // fd response: field 2 holds thread responses.
    [listField(value, 2), (w) => w, responseThread],
  ];
  for (const [items, pick, read] of candidates) {
    const shape = read === responseThread ? isThreadResponse : isDescriptor;
    if (!items.slice(0, MAX_THREAD_ENTRIES).some((item) => shape(pick(item)))) continue;
    for (const item of assembly.entries(items)) {
      const node = pick(item);
      if (shape(node)) assembly.add(read(node));
      else assembly.drop('thread-id');
    }
    return true;
  }
  return false;
}
