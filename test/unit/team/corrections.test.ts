import { describe, expect, it } from 'vitest';
import { type Correction, correctionSchema, resolveCorrections } from '@/lib/team/corrections';
import { documentName, parseDocumentName } from '@/lib/team/documents';

const name = (by: string, at: number, value: string, basedOn = 0): Correction => ({
  clientKey: 'acme.example',
  field: 'name',
  value,
  by,
  at,
  basedOn,
});

describe('resolveCorrections', () => {
  it('lets the latest correction win and lists the side written without seeing it', () => {
    const resolved = resolveCorrections([name('olenaa', 10, 'Acme'), name('petroo', 20, 'ACME Ltd')]);
    const field = resolved.get('acme.example')?.get('name');
    expect(field?.winner.value).toBe('ACME Ltd');
    expect(field?.overruled.map((c) => [c.by, c.value])).toEqual([['olenaa', 'Acme']]);
  });

  it('lists nothing when the winner was written after seeing the other side', () => {
    const resolved = resolveCorrections([name('olenaa', 10, 'Acme'), name('petroo', 20, 'ACME Ltd', 10)]);
    expect(resolved.get('acme.example')?.get('name')?.overruled).toEqual([]);
  });

  it('takes a member changing their own mind as no conflict', () => {
    const resolved = resolveCorrections([name('olenaa', 10, 'Acme'), name('olenaa', 20, 'Acme Group')]);
    expect(resolved.get('acme.example')?.get('name')).toEqual({
      winner: name('olenaa', 20, 'Acme Group'),
      overruled: [],
    });
  });

  it('decides a tie the same way whatever order the corrections arrived in', () => {
    const a = name('olenaa', 10, 'Acme');
    const b = name('petroo', 10, 'ACME');
    const one = resolveCorrections([a, b]).get('acme.example')?.get('name');
    const two = resolveCorrections([b, a]).get('acme.example')?.get('name');
    expect(one).toEqual(two);
    expect(one?.winner.by).toBe('petroo');
    expect(one?.overruled).toEqual([a]);
  });

  it('refuses a value that does not fit its field', () => {
    expect(correctionSchema.safeParse({ ...name('olenaa', 1, 'x'), field: 'tier' }).success).toBe(false);
    expect(correctionSchema.safeParse({ ...name('olenaa', 1, 'x'), field: 'value', value: -1 }).success).toBe(false);
  });
});

describe('document names', () => {
  it('round-trips and refuses anything else', () => {
    for (const ref of [
      { teamId: 'team01', kind: 'member', memberId: 'abc123' },
      { teamId: 'team01', kind: 'roster' },
      { teamId: 'team01', kind: 'team' },
    ] as const) {
      expect(parseDocumentName(documentName(ref))).toEqual(ref);
    }
    for (const bad of ['keepwarm/team01', 'keepwarm/TEAM01/team', 'keepwarm/team01/member/../x', 'other/team01/team']) {
      expect(parseDocumentName(bad)).toBeUndefined();
    }
  });
});
