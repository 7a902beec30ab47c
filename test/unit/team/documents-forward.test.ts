import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Correction, checkCorrections } from '@/lib/team/corrections';
import { CORRECTIONS_ARRAY, checkRoster, ROSTER_MAP, type RosterEntry } from '@/lib/team/documents';

// The team's other documents, like its summaries: a correction a colleague's
// later release writes, or a roster a later server keeps, may carry a field
// this release does not know. It is read without that field, every known
// field is checked exactly as before, and a wrong known field still refuses
// the value and counts it.

const memberId = fc.stringMatching(/^[a-z0-9]{6,12}$/);
const time = fc.integer({ min: 0, max: 2e12 });
const base = fc.record({ clientKey: fc.constantFrom('acme.example', 'ann@mail.example'), by: memberId, at: time });

const correction: fc.Arbitrary<Correction> = fc
  .tuple(
    base,
    time,
    fc.oneof(
      fc.record({ field: fc.constant('name' as const), value: fc.constantFrom('Acme', 'ACME Ltd', null) }),
      fc.record({ field: fc.constant('value' as const), value: fc.option(fc.integer({ min: 0, max: 1e9 })) }),
      fc.record({ field: fc.constant('tier' as const), value: fc.constantFrom('key', 'standard', 'minor', null) }),
      fc.record({ field: fc.constant('owner' as const), value: fc.option(memberId) }),
      fc.record({ field: fc.constant('mergeInto' as const), value: fc.constantFrom('acme.example', null) }),
    ),
  )
  .map(([b, basedOn, fieldValue]) => ({ ...b, basedOn: Math.min(basedOn, b.at), ...fieldValue }) as Correction);

// Spread into plain objects: fast-check's records have no prototype, which Yjs refuses.
const rosterEntry: fc.Arbitrary<RosterEntry> = fc
  .record({ name: fc.string({ minLength: 1, maxLength: 100 }), revoked: fc.boolean() })
  .map((entry) => ({ ...entry }));

/** Not `constructor`: Yjs refuses an object whose own `constructor` is not its class, so no document carries one. */
const fieldName = fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name !== 'constructor');
const extras = fc.array(fc.tuple(fieldName, fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 6 });

/** The value with the extra fields, each under a name it does not already have, as JSON.parse makes them. */
function withExtras(value: object, added: [string, unknown][]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const [name, extra] of added) {
    const field = Object.hasOwn(copy, name) ? `${name}·later` : name;
    Object.defineProperty(copy, field, { value: extra, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The corrections as the team view reads them: through the team document, as it runs. */
function replicatedCorrections(values: unknown[]) {
  const doc = new Y.Doc();
  doc.getArray<unknown>(CORRECTIONS_ARRAY).push(values);
  return checkCorrections(doc.getArray<unknown>(CORRECTIONS_ARRAY).toArray());
}

function replicatedRoster(entries: [string, unknown][]) {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(ROSTER_MAP);
  for (const [id, entry] of entries) map.set(id, entry);
  return checkRoster(map.entries());
}

const WRONG_CORRECTION: [keyof Correction, unknown[]][] = [
  ['clientKey', ['', 7, null, undefined, 'x'.repeat(401)]],
  ['by', ['Olena', 'ab', null, undefined]],
  ['at', [-1, 1.5, '2026-01-01', undefined]],
  ['basedOn', [-1, 'yesterday', undefined]],
  ['field', ['phone', null, undefined]],
  ['value', [undefined, { later: true }, 'x'.repeat(401)]],
];

const WRONG_ROSTER: [keyof RosterEntry, unknown[]][] = [
  ['name', ['', 'x'.repeat(101), 7, undefined]],
  ['revoked', ['no', 0, null, undefined]],
];

function withWrong(value: object, field: string, wrong: unknown): Record<string, unknown> {
  const copy = structuredClone(value) as Record<string, unknown>;
  if (wrong === undefined) delete copy[field];
  else copy[field] = wrong;
  return copy;
}

const wrongOf = <K extends string>(table: [K, unknown[]][]) =>
  fc.constantFrom(...table).chain(([field, values]) => fc.tuple(fc.constant(field), fc.constantFrom(...values)));

describe('a team correction from a later release', () => {
  it('is read without the fields this release does not know', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(correction, fc.option(extras)), { minLength: 1, maxLength: 5 }), (list) => {
        const values = list.map(([c, added]) => (added ? withExtras(c, added) : c));
        const checked = replicatedCorrections(values);
        expect(checked.invalid).toBe(0);
        expect(checked.valid).toStrictEqual(list.map(([c]) => c));
      }),
      { numRuns: 200 },
    );
  });

  it('is refused and counted when a field this release knows is wrong, extra fields or not', () => {
    fc.assert(
      fc.property(correction, correction, wrongOf(WRONG_CORRECTION), fc.option(extras), (good, bad, wrong, added) => {
        const [field, value] = wrong;
        const broken = withWrong(bad, field, value);
        const checked = replicatedCorrections([good, added ? withExtras(broken, added) : broken]);
        expect(checked.invalid).toBe(1);
        expect(checked.valid).toStrictEqual([good]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a roster from a later server', () => {
  it('is read without the fields this release does not know', () => {
    fc.assert(
      fc.property(memberId, rosterEntry, extras, (id, entry, added) => {
        const checked = replicatedRoster([[id, withExtras(entry, added)]]);
        expect(checked.invalid).toBe(0);
        expect(checked.valid.get(id)).toStrictEqual(entry);
      }),
      { numRuns: 200 },
    );
  });

  it('drops and counts an entry whose known field is wrong, or whose key is no member id', () => {
    fc.assert(
      fc.property(memberId, rosterEntry, wrongOf(WRONG_ROSTER), fc.option(extras), (id, entry, wrong, added) => {
        const broken = withWrong(entry, wrong[0], wrong[1]);
        const checked = replicatedRoster([
          [id, added ? withExtras(broken, added) : broken],
          ['Not An Id', entry],
        ]);
        expect(checked.valid.size).toBe(0);
        expect(checked.invalid).toBe(2);
      }),
      { numRuns: 200 },
    );
  });
});
