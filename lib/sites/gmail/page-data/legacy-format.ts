import type { Assembly, RawMessage, RawThread } from './assemble';
import { address, decimalFromHex, epochMs, timeOfId } from './fields';
import { decodeEntities, htmlToText, spanPeople } from './html-text';
import type { GmailDataAddress } from './records';

// The older API's data, once deframed (./legacy-frames): items are arrays
// tagged by their first element. Thread lists hold `tb` items, each with up to
// ten thread tuples; conversations hold a `cs` item per thread and an `ms` item
// per message (InboxSDK's gmail-response-processor and the real captures).
//
// Thread tuple: 0 thread id (hex), 1 the thread's newest message id, 2 the
// newest message the row shows (its date, field 15, is that message's), 5 and
// 6 labels, 7 people HTML, 9 subject HTML, 28 the sender of message 2 (empty
// when it is the user). Field 16, a µs time, is not a message's time: on rows
// back in the inbox it is days after every message the row shows. A tuple
// gives no message record (no exact time, no recipients), only the thread, its
// newest message id, and the shown message's id, id-coded time and sender.
// `cs`: 1 thread id, 8 its message ids in order. `ms`: 1 message id, 5 sender
// name, 6 sender address, 7 time (ms), 8 snippet, 9 labels, 12 subject, and
// when the message is expanded, 13 details with 1 to and 2 cc as "Name <address>".

const MAX_DEPTH = 4;
const MAX_ITEMS = 5000;

function items(chunks: unknown[]): unknown[][] {
  const found: unknown[][] = [];
  const visit = (node: unknown, depth: number) => {
    if (!Array.isArray(node) || found.length >= MAX_ITEMS) return;
    if (typeof node[0] === 'string') {
      found.push(node);
      return;
    }
    if (depth < MAX_DEPTH) for (const child of node) visit(child, depth + 1);
  };
  visit(chunks, 0);
  return found;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value : []);

/** "Name <address>", "\"Doe, Jo\" <address>" or a bare address. */
function headerAddress(value: unknown): GmailDataAddress | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  if (!match) return address(value, '');
  return address(match[2], (match[1] ?? '').replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1'));
}

function listThread(tuple: unknown[]): RawThread {
  const lastMessageId = decimalFromHex(tuple[1]);
  const shownId = decimalFromHex(tuple[2]);
  const shownAt = timeOfId(shownId);
  const lastEmail = text(tuple[28])?.trim().toLowerCase();
  const named = spanPeople(text(tuple[7]) ?? '').find((person) => person.email.toLowerCase() === lastEmail);
  const from = lastEmail ? address(lastEmail, named?.name) : undefined;
  return {
    legacyThreadId: text(tuple[0]),
    subject: htmlToText(text(tuple[9]) ?? ''),
    labels: [...list(tuple[5]), ...list(tuple[6])],
    lastActivityAt: timeOfId(lastMessageId),
    lastMessageId,
    shownMessage: shownId && shownAt ? { messageId: shownId, at: shownAt, ...(from && { from }) } : undefined,
    messages: [],
  };
}

function message(item: unknown[]): RawMessage {
  const details = Array.isArray(item[13]) ? item[13] : undefined;
  const snippet = text(item[8]);
  return {
    messageId: decimalFromHex(item[1]),
    from: address(item[6], item[5]),
    to: list(details?.[1]).map(headerAddress),
    cc: list(details?.[2]).map(headerAddress),
    recipientsKnown: details !== undefined,
    at: epochMs(item[7]),
    snippet: snippet === undefined ? undefined : decodeEntities(snippet),
    labels: list(item[9]),
  };
}

/** Reads the thread lists and conversations among a response's items; true when any was there. */
export function readLegacy(chunks: unknown[], assembly: Assembly): boolean {
  const all = items(chunks);
  let any = false;
  const messages = new Map<string, unknown[]>();
  for (const item of all) if (item[0] === 'ms' && typeof item[1] === 'string') messages.set(item[1], item);
  const claimed = new Set<string>();
  for (const item of all) {
    if (item[0] === 'tb') {
      any = true;
      for (const tuple of assembly.entries(list(item[2]))) {
        if (Array.isArray(tuple)) assembly.add(listThread(tuple));
        else assembly.drop('thread-id');
      }
    } else if (item[0] === 'cs') {
      any = true;
      const ids = list(item[8]).filter((id): id is string => typeof id === 'string');
      const own = ids.flatMap((id) => {
        const found = messages.get(id);
        if (found) claimed.add(id);
        return found ? [found] : [];
      });
      assembly.add({
        legacyThreadId: text(item[1]),
        subject: text(own[0]?.[12]),
        labels: [],
        messages: own.map(message),
      });
    }
  }
  // A message no conversation names cannot be filed under a thread.
  const orphans = [...messages.keys()].filter((id) => !claimed.has(id)).length;
  if (orphans > 0) {
    any = true;
    assembly.drop('thread-id', orphans);
  }
  return any;
}
