import { describe, expect, it } from 'vitest';
import type { StoredClientOverride } from '@/lib/data/stored-rows';
import { dateInput, overridePatch } from '@/lib/ui/override-patch';

const empty = { name: '', tier: '', value: '', quietUntil: '' };
const stored: StoredClientOverride = {
  account: 'me@studio.com',
  key: 'acme.com',
  name: 'Acme',
  tier: 'key',
  value: 12_000,
  quietUntil: new Date('2026-12-24T23:59:59').getTime(),
  updatedAt: 1,
};
const same = { name: 'Acme', tier: 'key', value: '12000', quietUntil: '2026-12-24' };

describe('the client settings form as a correction', () => {
  it('sends only what changed', () => {
    expect(overridePatch(undefined, empty)).toEqual({ patch: {} });
    expect(overridePatch(stored, same)).toEqual({ patch: {} });
    expect(overridePatch(stored, { ...same, name: '  Acme Ltd ' })).toEqual({ patch: { name: 'Acme Ltd' } });
    expect(overridePatch(undefined, { ...empty, tier: 'minor', value: '1 500'.replace(' ', '') })).toEqual({
      patch: { tier: 'minor', value: 1500 },
    });
  });

  it('clears a field the user emptied with null', () => {
    expect(overridePatch(stored, empty)).toEqual({
      patch: { name: null, tier: null, value: null, quietUntil: null },
    });
  });

  it('expects silence through the whole chosen day', () => {
    const result = overridePatch(undefined, { ...empty, quietUntil: '2027-01-10' });
    expect(result).toEqual({ patch: { quietUntil: new Date('2027-01-10T23:59:59').getTime() } });
    expect(dateInput(new Date('2027-01-10T23:59:59').getTime())).toBe('2027-01-10');
  });

  it.each([
    [{ value: '-5' }, 'value'],
    [{ value: 'lots' }, 'value'],
    [{ value: '1e20' }, 'value'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ tier: 'gold' }, 'tier'],
    [{ quietUntil: 'soon' }, 'date'],
  ])('refuses %o with a message and sends nothing', (change, error) => {
    expect(overridePatch(stored, { ...same, ...change })).toEqual({ error });
  });

  it('reads a decimal comma', () => {
    expect(overridePatch(undefined, { ...empty, value: '99,5' })).toEqual({ patch: { value: 99.5 } });
  });
});
