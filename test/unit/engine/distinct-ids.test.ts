import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctIds } from '@/lib/engine/distinct-ids';

/** What a Set says of each id: first time or repeat. */
function bySet(ids: readonly string[]): boolean[] {
  const seen = new Set<string>();
  return ids.map((id) => !seen.has(id) && Boolean(seen.add(id)));
}

describe('distinctIds', () => {
  it('tells first ids from repeats as a Set does, whatever the ids and however many were expected', () => {
    const ids = fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 40 })), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(ids, fc.nat(400), (list, expected) => {
        const first = distinctIds(expected);
        expect(list.map(first)).toEqual(bySet(list));
      }),
    );
  });

  it('grows past the size it was given without losing an id', () => {
    // Far more ids than expected, each twice: the table doubles many times while holding them.
    const ids = Array.from({ length: 5000 }, (_, i) => `<${i % 2500}@mail.example>`);
    const first = distinctIds(1);
    expect(ids.map(first)).toEqual(bySet(ids));
  });
});
