// The demo Gmail's own thread data, in the shapes real Gmail serves since 2022
// (DOM notes §1.7; SOURCES.md §xhr): the sync layer's protocol buffers written
// as JSON arrays, field n at index n − 1. A thread list (`/sync/u/N/i/bv`)
// carries each thread's messages with sender, time, snippet and labels but no
// recipients, as the real `bv` payloads do; a thread response (`/i/fd`) adds
// each message's recipients; the first page load embeds the list in a
// `_GM_setData({"a6jdv": [[…, …, "<list JSON>"]]})` call. Field numbers are
// those of the real payloads (xhr/gmail.js/testdata-parser-bv-*.json,
// testdata-parser-fd-*.json); fields Keepwarm does not read are left null.
import type { DemoAccount, DemoMessage, DemoPerson, DemoThread } from '../mailbox/types';
import { PAGE_SIZE, threadsInView } from './view-state';

type Field = unknown;

/** A protocol buffer message in Gmail's array encoding: `fields[n]` goes to index n − 1. */
function message(fields: Record<number, Field>): Field[] {
  const size = Math.max(...Object.keys(fields).map(Number));
  const out: Field[] = Array.from({ length: size }, () => null);
  for (const [n, value] of Object.entries(fields)) out[Number(n) - 1] = value;
  return out;
}

const contact = (person: DemoPerson): Field[] => [1, person.email, person.name];

const CATEGORY_LABEL = {
  promotions: '^smartlabel_promo',
  social: '^smartlabel_social',
  updates: '^smartlabel_notification',
} as const;

/** Gmail's system labels on one message: sent mail is `^f`, received mail `^i` with its category. */
function labelsOf(thread: DemoThread, m: DemoMessage): string[] {
  if (m.direction === 'out') return ['^all', '^f'];
  const labels = ['^all'];
  if (thread.labels.includes('INBOX')) labels.push('^i');
  labels.push(thread.category ? CATEGORY_LABEL[thread.category] : '^smartlabel_personal');
  if (m.unread) labels.push('^u');
  return labels;
}

/** A list's message (`bv` field 5): 1 id, 2 sender, 7 time, 10 snippet, 11 labels, 56 hex id. */
function listMessage(thread: DemoThread, m: DemoMessage): Field[] {
  return message({
    1: `msg-f:${m.id}`,
    2: contact(m.from),
    7: m.at,
    10: m.snippet,
    11: labelsOf(thread, m),
    56: m.hex,
  });
}

/** A list's thread descriptor: 1 subject, 2 snippet, 3 time, 4 id, 5 messages, 20 hex legacy id. */
function descriptor(thread: DemoThread): Field[] {
  const last = thread.messages.at(-1);
  return message({
    1: thread.subject,
    2: last?.snippet ?? '',
    3: last?.at ?? 0,
    4: `thread-f:${thread.id}`,
    5: thread.messages.map((m) => listMessage(thread, m)),
    20: thread.hex,
  });
}

export interface ListRequest {
  view: string;
  param?: string;
  page: number;
  pageSize?: number;
}

/** The threads of a list request, as the demo's list view shows them. */
export function threadsOfRequest(account: DemoAccount, request: ListRequest): DemoThread[] {
  const size = request.pageSize ?? PAGE_SIZE;
  const start = (Math.max(1, request.page) - 1) * size;
  return threadsInView(account, request.view, request.param).slice(start, start + size);
}

/** A `/sync/u/N/i/bv` response: 1 status, 3 the threads, each wrapped as {1: descriptor}. */
export function listResponse(account: DemoAccount, request: ListRequest): Field[] {
  return message({ 1: 0, 3: threadsOfRequest(account, request).map((t) => message({ 1: descriptor(t) })) });
}

/** A thread response's message summary: 1 id, 2 sender, 4 labels, 7 time, 11 snippet, 28 hex id. */
function threadMessage(thread: DemoThread, m: DemoMessage): Field[] {
  return message({ 1: `msg-f:${m.id}`, 2: contact(m.from), 4: labelsOf(thread, m), 7: m.at, 11: m.snippet, 28: m.hex });
}

/** A thread of an `fd` response: 1 id, 2 {1 summary, 2 messages}, 3 each message's {1 id, 2 {1 to, 2 cc}}. */
function threadResponse(thread: DemoThread): Field[] {
  return message({
    1: `thread-f:${thread.id}`,
    2: message({
      1: message({ 1: `thread-f:${thread.id}`, 2: thread.subject, 16: thread.hex }),
      2: thread.messages.map((m) => threadMessage(thread, m)),
    }),
    3: thread.messages.map((m) =>
      message({ 1: `msg-f:${m.id}`, 2: message({ 1: m.to.map(contact), 2: m.cc.map(contact) }) }),
    ),
  });
}

/** A `/sync/u/N/i/fd` response for the asked threads (unknown ids are left out, as Gmail leaves out deleted ones). */
export function threadsResponse(account: DemoAccount, threadIds: readonly string[]): Field[] {
  const threads = threadIds
    .map((id) => account.threads.find((t) => t.id === id))
    .filter((t): t is DemoThread => t !== undefined);
  return message({ 1: 0, 2: threads.map(threadResponse) });
}

/**
 * The first-load data script: the list of the page's view, embedded as the
 * JSON string Gmail puts third in the `a6jdv` entry, whose field 1.1 holds
 * each thread as {2 id, 4 subject, 5 descriptor}. `<` is escaped so the JSON
 * cannot close the script element.
 */
export function embeddedListScript(account: DemoAccount, request: ListRequest): string {
  const threads = threadsOfRequest(account, request).map((t) =>
    message({ 2: `thread-f:${t.id}`, 4: t.subject, 5: descriptor(t) }),
  );
  const list = JSON.stringify(message({ 1: message({ 1: threads }) }));
  const data = JSON.stringify({ a6jdv: [[null, null, list]] });
  return `_GM_setData(${data.replace(/</g, '\\u003c')});`;
}
