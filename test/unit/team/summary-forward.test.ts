import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followSummaries } from '@/lib/features/team/checked-summaries';
import { checkSummaries, SUMMARIES_MAP } from '@/lib/team/documents';
import type { ClientSummary } from '@/lib/team/summary';

// A colleague on a later release may share a field this release does not
// know. Their summary must still be read, every field this release knows
// checked exactly as before, and the unknown fields dropped: never kept,
// never shown. A summary whose known fields are wrong is still refused and
// counted, extra fields or not.

const DAY = 86_400_000;

/** A summary with every optional part present, so every object in it can carry an extra field. */
const fullSummary = fc
  .record({
    chance: fc.double({ min: 0, max: 100, noNaN: true }),
    at: fc.integer({ min: 400 * DAY, max: 2e12 }),
    count: fc.nat({ max: 1000 }),
    value: fc.double({ min: 0, max: 1e9, noNaN: true }),
  })
  .map(
    ({ chance, at, count, value }): ClientSummary => ({
      clientKey: 'acme.example',
      name: 'Acme',
      kind: 'org',
      tier: 'key',
      value,
      firstContactAt: at - 300 * DAY,
      lastInboundAt: at - 3 * DAY,
      lastOutboundAt: at - 4 * DAY,
      lastFrom: 'client',
      waitingOnMemberSince: at - 3 * DAY,
      waitingOnClientSince: at - 9 * DAY,
      usualGapDays: 7,
      unusualGapDays: 21,
      replyTimes: {
        member: { count, medianMs: 3_600_000, p90Ms: 7_200_000, medianBusinessMs: 1_800_000, p90BusinessMs: 3_600_000 },
        client: { count: 2, medianMs: 60_000 },
      },
      risk: {
        chance,
        level: 'watch',
        reasons: [
          { kind: 'silence', weight: 40, numbers: { silenceDays: 3, theirs: true } },
          { kind: 'complaint', weight: 12, urgent: true, numbers: { messages: 1, daysAgo: 2 } },
        ],
      },
      followUps: [{ kind: 'reply', dueAt: at + DAY, status: 'snoozed', snoozedUntil: at + 2 * DAY }],
      history: {
        contactDays: [at - 300 * DAY, at - 3 * DAY].map((t) => Math.floor(t / DAY) * DAY),
        replies: [{ by: 'out', day: Math.floor((at - 4 * DAY) / DAY) * DAY, wallMs: 3_600_000 }],
      },
      computedAt: at,
    }),
  );

const clone = <T>(value: T): T => structuredClone(value);

/** Every object of a summary that has fields (not the reasons' numbers, whose names are data). */
function objectsOf(value: unknown, out: Record<string, unknown>[] = [], key = ''): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    if (key !== 'numbers') out.push(value as Record<string, unknown>);
    for (const [k, inner] of Object.entries(value)) objectsOf(inner, out, k);
  }
  return out;
}

/**
 * Extra fields to add: which object (an index, wrapped around), the field's name and any JSON
 * value. Not `constructor`: Yjs refuses to set an object whose own `constructor` is not its class,
 * so no member's document can carry one.
 */
const fieldName = fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name !== 'constructor');
const extras = fc.array(fc.tuple(fc.nat(), fieldName, fc.jsonValue({ maxDepth: 3 })), {
  minLength: 1,
  maxLength: 8,
});

/** The summary with the extra fields added, each under a name its object does not already have. */
function withExtras(summary: ClientSummary, added: [number, string, unknown][]): unknown {
  const copy = clone(summary);
  const objects = objectsOf(copy);
  for (const [at, name, value] of added) {
    const target = objects[at % objects.length] as Record<string, unknown>;
    const field = Object.hasOwn(target, name) ? `${name}·later` : name;
    // As JSON.parse makes it: an own field, even one named __proto__.
    Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** What the team view holds of one replicated value: through the Y document, as it runs. */
function replicated(value: unknown) {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(SUMMARIES_MAP);
  const checked = followSummaries(map);
  map.set('acme.example', value);
  return checked;
}

type Path = (string | number)[];

/** Known fields, each with values that are wrong for it. `undefined` removes a required field. */
const WRONG: [Path, unknown[]][] = [
  [['clientKey'], ['', 7, null, undefined, 'x'.repeat(401)]],
  [['name'], [7, 'x'.repeat(201), undefined]],
  [['kind'], ['team', null, undefined]],
  [['tier'], ['gold', 1]],
  [['value'], [-1, Number.NaN, Number.POSITIVE_INFINITY, '12']],
  [['firstContactAt'], [-1, 1.5, '2026-01-01', undefined]],
  [['lastInboundAt'], [-5, 1e16, null]],
  [['lastFrom'], ['colleague', true]],
  [['waitingOnMemberSince'], [0.5, 'soon']],
  [['usualGapDays'], [-1, 1e6]],
  [['replyTimes'], [null, undefined, 'fast']],
  [
    ['replyTimes', 'member', 'count'],
    [-1, 0.5, undefined],
  ],
  [
    ['replyTimes', 'client', 'medianMs'],
    [-1, 'an hour'],
  ],
  [['risk'], [undefined, []]],
  [
    ['risk', 'chance'],
    [101, -1, Number.NaN, undefined],
  ],
  [
    ['risk', 'level'],
    ['severe', undefined],
  ],
  [
    ['risk', 'reasons'],
    [{}, Array.from({ length: 13 }, () => ({ kind: 'silence', weight: 1, numbers: {} }))],
  ],
  [
    ['risk', 'reasons', 0, 'kind'],
    ['subject', undefined],
  ],
  [
    ['risk', 'reasons', 0, 'weight'],
    [1e6, undefined],
  ],
  [
    ['risk', 'reasons', 0, 'numbers'],
    [{ 'not a name': 1 }, { silenceDays: 'three' }, undefined],
  ],
  [['risk', 'reasons', 1, 'urgent'], ['yes']],
  [['followUps'], [undefined, Array.from({ length: 21 }, () => ({ kind: 'reply', dueAt: 1, status: 'open' }))]],
  [['followUps', 0, 'kind'], ['call']],
  [
    ['followUps', 0, 'dueAt'],
    [1.5, undefined],
  ],
  [['followUps', 0, 'status'], ['done']],
  [
    ['followUps', 0, 'cue'],
    ['anger', 1],
  ],
  [
    ['history', 'contactDays'],
    [[-1], Array.from({ length: 401 }, (_, i) => i)],
  ],
  [['history', 'replies', 0, 'by'], ['both']],
  [['history', 'replies', 0, 'wallMs'], [-1]],
  [['computedAt'], [undefined, 'now']],
];

function withWrong(summary: ClientSummary, path: Path, value: unknown): unknown {
  const copy = clone(summary) as unknown as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

const wrongField = fc
  .constantFrom(...WRONG)
  .chain(([path, values]) => fc.tuple(fc.constant(path), fc.constantFrom(...values)));

describe('a colleague’s summary from a later release', () => {
  it('is never refused for fields this release does not know, and none of them survives', () => {
    fc.assert(
      fc.property(fullSummary, extras, (summary, added) => {
        const later = withExtras(summary, added);
        const checked = checkSummaries([['acme.example', later]]);
        expect(checked.invalid).toBe(0);
        expect(checked.valid.get('acme.example')).toStrictEqual(summary);

        const held = replicated(later);
        expect(held.invalid()).toBe(0);
        expect(JSON.stringify(held.valid().get('acme.example'))).toBe(JSON.stringify(summary));
        expect(held.valid().get('acme.example')).toStrictEqual(summary);
      }),
      { numRuns: 300 },
    );
  });

  it('is refused and counted when a field this release knows is wrong, extra fields or not', () => {
    fc.assert(
      fc.property(fullSummary, wrongField, fc.option(extras), (summary, [path, value], added) => {
        const wrong = withWrong(summary, path, value);
        const later = added ? withExtras(wrong as ClientSummary, added) : wrong;
        const checked = checkSummaries([['acme.example', later]]);
        expect(checked.valid.size).toBe(0);
        expect(checked.invalid).toBe(1);

        const held = replicated(later);
        expect(held.valid().size).toBe(0);
        expect(held.invalid()).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('is kept as it arrived when it carries nothing unknown (held once, not beside zod’s copy)', () => {
    fc.assert(
      fc.property(fullSummary, (summary) => {
        const doc = new Y.Doc();
        const map = doc.getMap<unknown>(SUMMARIES_MAP);
        const checked = followSummaries(map);
        map.set('acme.example', summary);
        expect(checked.valid().get('acme.example')).toBe(map.get('acme.example'));
      }),
      { numRuns: 50 },
    );
  });
});
