import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import type { GmailDataReading } from '@/lib/sites/gmail/page-data/records';
import { EMBEDDED_SET_DATA } from '../../../../fixtures/gmail/page-data/embedded-set-data';
import { LEGACY_CONVERSATION } from '../../../../fixtures/gmail/page-data/legacy-conversation';
import { LEGACY_THREAD_LIST } from '../../../../fixtures/gmail/page-data/legacy-thread-list';
import { SYNC_BV_LIST } from '../../../../fixtures/gmail/page-data/sync-bv-list';
import { SYNC_FD_THREAD } from '../../../../fixtures/gmail/page-data/sync-fd-thread';
import { gmailDataReadingSchema } from './reading-schema';
import { asSetData, LIST_URL, OLD_LIST_URL, readLegacyXhr, readXhr, THREAD_URL } from './real-payloads';

// Whatever a page (or a Gmail change) does to these payloads — cut them,
// flip their bytes, drop or repeat elements, put the wrong type, a huge string
// or a deep nest anywhere — the parser must not throw, must not emit a record
// the background's schema refuses, and must account for the payload.

const RUNS = 150;

function check(reading: GmailDataReading): void {
  const result = gmailDataReadingSchema.safeParse(reading);
  expect(result.error?.issues.slice(0, 3)).toBeUndefined();
  const { health, threads } = reading;
  expect(health.payloads).toBe(1);
  expect(health.recognised + Object.values(health.refused).reduce((a, b) => a + b, 0)).toBe(1);
  expect(health.threads).toBe(threads.length);
  expect(health.messages).toBe(threads.reduce((sum, t) => sum + t.messages.length, 0));
}

const parse = (text: string, url: string) => parseGmailData(text, { url, accountPath: '/mail/u/0/' });

const STRUCTURAL = ['[', ']', '{', '}', ',', ':', '"', "'", '\\', '0', '9', 'a', 'f', '@', '<', '\n', ' ', '\u0000'];

/** Cuts, byte flips, deleted and repeated slices of the text itself. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    ch: fc.oneof(fc.constantFrom(...STRUCTURAL), fc.string({ minLength: 1, maxLength: 1 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

type TextEdit = { kind: 'cut' | 'flip' | 'delete' | 'repeat'; at: number; ch?: string; length?: number };

function editText(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === 'cut') out = out.slice(0, at);
    else if (edit.kind === 'flip') out = out.slice(0, at) + (edit.ch ?? '') + out.slice(at + 1);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + (edit.length ?? 1));
    else out = out.slice(0, at + (edit.length ?? 1)) + out.slice(at);
  }
  return out;
}

const deepNest = (depth: number) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown;

const replacement = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    '',
    'thread-f:',
    'thread-f:99999999999999999999999999',
    'msg-f:0',
    'msg-a:r-1',
    'ffffffffffffffff',
    '00000000000000',
    '<b>x</b>',
    'a@b',
    '"q"@example.com',
    'пётр@почта.рф',
    '^smartlabel_promo',
    '^smartlabel_constructor',
    '__proto__',
    '1e3',
    '99999999999999',
    '1741255500000',
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  // Longer than every bound of the schema (the longest is a subject's 1,000).
  fc.constant('x'.repeat(5_000)),
  fc.constant(deepNest(200)),
  fc.constant({ '1': 'thread-f:1', '2': { '1': {} } }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
);

const treeEdit = fc.record({
  node: fc.nat(),
  key: fc.nat(),
  op: fc.oneof(
    fc.constant('delete' as const),
    fc.constant('duplicate' as const),
    replacement.map((value) => ({ value })),
  ),
});

/** The containers of a parsed payload, breadth first, up to a bound. */
function containers(root: unknown): (unknown[] | Record<string, unknown>)[] {
  const out: (unknown[] | Record<string, unknown>)[] = [];
  const queue: unknown[] = [root];
  while (queue.length > 0 && out.length < 2000) {
    const node = queue.shift();
    if (node === null || typeof node !== 'object') continue;
    const container = node as unknown[] | Record<string, unknown>;
    out.push(container);
    queue.push(...Object.values(container));
  }
  return out;
}

function editTree(
  root: unknown,
  edits: { node: number; key: number; op: 'delete' | 'duplicate' | { value: unknown } }[],
): unknown {
  const copy = structuredClone(root);
  for (const edit of edits) {
    const all = containers(copy);
    const target = all[edit.node % all.length];
    if (!target) continue;
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[edit.key % keys.length] as string;
    if (Array.isArray(target)) {
      const index = Number(key);
      if (edit.op === 'delete') target.splice(index, 1);
      else if (edit.op === 'duplicate') target.splice(index, 0, structuredClone(target[index]));
      else target[index] = structuredClone(edit.op.value);
    } else if (edit.op === 'delete') delete target[key];
    else if (edit.op === 'duplicate') target[String(Number(key) + 1)] = structuredClone(target[key]);
    else target[key] = structuredClone(edit.op.value);
  }
  return copy;
}

/** Gmail's older framing around JSON chunks, as it sends them. */
const frame = (chunks: unknown[]) =>
  `)]}'\n\n${chunks.map((chunk) => `${JSON.stringify(chunk).length}\n${JSON.stringify(chunk)}`).join('\n')}\n`;

/** Legacy chunks as JSON values: our own JavaScript-syntax list is read through the parser's own framing. */
function legacyChunks(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('[['))
    .map((line) => JSON.parse(line) as unknown);
}

interface Payload {
  name: string;
  text: string | undefined;
  url: string;
  /** How to turn an edited tree back into the payload's own form. */
  tree?: { value: () => unknown; write: (value: unknown) => string };
}

const json = (text: string) => ({ value: () => JSON.parse(text) as unknown, write: (v: unknown) => JSON.stringify(v) });
const bvEmbedded = readXhr('gmail.js/testdata-parser-bv-embedded.json');
const fdEmbedded = readXhr('gmail.js/testdata-parser-fd-embedded.json');
const bvRequest = readXhr('gmail.js/testdata-parser-bv-request-payload.json');
const cv2025 = readLegacyXhr('inboxsdk/gmail-response-processor/extract-message-response-4.txt');

const PAYLOADS: Payload[] = [
  { name: 'our bv list', text: SYNC_BV_LIST, url: LIST_URL, tree: json(SYNC_BV_LIST) },
  { name: 'our fd thread (array form)', text: SYNC_FD_THREAD, url: THREAD_URL, tree: json(SYNC_FD_THREAD) },
  { name: 'our _GM_setData script', text: EMBEDDED_SET_DATA, url: 'https://mail.google.com/mail/u/0/#inbox' },
  { name: 'our old thread list', text: LEGACY_THREAD_LIST, url: OLD_LIST_URL },
  {
    name: 'our old conversation',
    text: LEGACY_CONVERSATION,
    url: OLD_LIST_URL,
    tree: { value: () => legacyChunks(LEGACY_CONVERSATION), write: (v) => frame(v as unknown[]) },
  },
  { name: 'real bv response (2020)', text: bvRequest, url: LIST_URL, tree: bvRequest ? json(bvRequest) : undefined },
  {
    name: 'real a6jdv data (2020)',
    text: bvEmbedded && asSetData('a6jdv', bvEmbedded),
    url: LIST_URL,
    tree: bvEmbedded
      ? { value: () => JSON.parse(bvEmbedded), write: (v) => asSetData('a6jdv', JSON.stringify(v)) }
      : undefined,
  },
  {
    name: 'real Cl6csf data (2022)',
    text: fdEmbedded && asSetData('Cl6csf', fdEmbedded),
    url: LIST_URL,
    tree: fdEmbedded
      ? { value: () => JSON.parse(fdEmbedded), write: (v) => asSetData('Cl6csf', JSON.stringify(v)) }
      : undefined,
  },
  {
    name: 'real conversation (2025)',
    text: cv2025,
    url: OLD_LIST_URL,
    tree: cv2025 ? { value: () => legacyChunks(cv2025), write: (v) => frame(v as unknown[]) } : undefined,
  },
];

describe.each(PAYLOADS)('mutated $name', ({ text, url, tree }) => {
  it.skipIf(text === undefined)('cut, flipped, spliced: never throws, never an invalid record', () => {
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        check(parse(editText(text ?? '', edits), url));
      }),
      { numRuns: RUNS },
    );
  });

  it.skipIf(text === undefined || tree === undefined)(
    'elements deleted, repeated, of the wrong type, huge or deep: never throws, never an invalid record',
    () => {
      fc.assert(
        fc.property(fc.array(treeEdit, { minLength: 1, maxLength: 6 }), (edits) => {
          const value = tree?.value();
          check(parse(tree?.write(editTree(value, edits)) ?? '', url));
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe('any text at all', () => {
  it('never throws and is accounted for', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `)]}'\n\n${s}`),
          fc.string().map((s) => `_GM_setData(${s}`),
          fc.json().map((s) => `_GM_setData({"Cl6csf":[[0,0,${JSON.stringify(s)}]]});`),
          fc.json(),
        ),
        fc.constantFrom(LIST_URL, THREAD_URL, OLD_LIST_URL, 'https://example.com/', 'nonsense'),
        (text, url) => check(parse(text, url)),
      ),
      { numRuns: 400 },
    );
  });

  it('nesting deeper than any payload, in every format, is read or refused without throwing', () => {
    for (const depth of [2_000, 100_000]) {
      const nest = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      for (const text of [nest, `)]}'\n\n${nest}`, `_GM_setData({"Cl6csf":[[0,0,${JSON.stringify(nest)}]]});`]) {
        check(parse(text, LIST_URL));
      }
      const sender = '{"1":1,"2":"dana@northwind.example","3":"Dana Reyes"}';
      expect(SYNC_BV_LIST).toContain(sender);
      const reading = parse(SYNC_BV_LIST.replace(sender, nest), LIST_URL);
      check(reading);
      expect(reading.health.droppedBy?.sender).toBe(1);
    }
  });

  it('a huge string anywhere is clipped to the schema’s bounds, not passed on', () => {
    const huge = 'ß'.repeat(100_000);
    const value = JSON.parse(SYNC_BV_LIST);
    value['3'][0]['1']['1'] = huge;
    value['3'][0]['1']['5'][0]['2']['3'] = huge;
    value['3'][0]['1']['5'][0]['10'] = huge;
    const reading = parse(JSON.stringify(value), LIST_URL);
    check(reading);
    expect(reading.threads[0]?.subject.length).toBe(1000);
    expect(reading.threads[0]?.messages[0]?.from.name.length).toBe(200);
  });

  it('a payload of more threads than the bound keeps the bound and counts the rest', () => {
    const value = JSON.parse(SYNC_BV_LIST);
    const [first] = value['3'];
    value['3'] = Array.from({ length: 600 }, (_, i) => {
      const copy = structuredClone(first);
      copy['1']['4'] = `thread-f:${1825563790540820899n + BigInt(i)}`;
      return copy;
    });
    const reading = parse(JSON.stringify(value), LIST_URL);
    check(reading);
    expect(reading.threads).toHaveLength(500);
    expect(reading.health.droppedBy?.['over-limit']).toBe(100 * 3);
  });
});
