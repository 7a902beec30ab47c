import { describe, expect, it } from 'vitest';
import { baseClientKey, createPartyClassifier } from '@/lib/engine/client-identity';
import { createClientResolver } from '@/lib/engine/overrides';
import { OverridesError, parseClientOverrides } from '@/lib/engine/overrides-schema';
import { identity, ME, mail } from './mail-builders';

describe('client keys', () => {
  it('uses the registrable domain for organisations and the address for free mail', () => {
    expect(baseClientKey('anna@mail.acme.co.uk')).toBe('acme.co.uk');
    expect(baseClientKey('Bob@Sales.Example.COM')).toBe('example.com');
    expect(baseClientKey('petro@gmail.com')).toBe('petro@gmail.com');
    expect(baseClientKey('oksana@ukr.net')).toBe('oksana@ukr.net');
    expect(baseClientKey('ivan@mail.ru')).toBe('ivan@mail.ru');
    expect(baseClientKey('not-an-address')).toBeUndefined();
    expect(baseClientKey('@nobody.example')).toBeUndefined();
  });
});

describe('message direction', () => {
  const classify = createPartyClassifier(identity);

  it('tells inbound, outbound and internal mail apart, counting each external recipient', () => {
    expect(classify(mail({ from: 'anna@acme.example', at: 0 }))).toEqual({
      direction: 'in',
      counterparts: ['anna@acme.example'],
    });
    expect(
      classify(mail({ from: ME, to: ['anna@acme.example'], cc: ['petro@gmail.com', 'ivan@studio.example'], at: 0 })),
    ).toEqual({
      direction: 'out',
      counterparts: ['anna@acme.example', 'petro@gmail.com'],
    });
    expect(classify(mail({ from: 'ivan@studio.example', to: [ME], at: 0 })).direction).toBe('internal');
    expect(classify(mail({ from: ME, to: [], at: 0 })).direction).toBe('internal');
  });

  it('treats aliases and colleagues as our side, and names robots too: whether they count is decided later', () => {
    const fromAlias = classify(mail({ from: 'HELLO@studio.example', to: ['anna@acme.example'], at: 0 }));
    expect(fromAlias.direction).toBe('out');
    expect(classify(mail({ from: 'no-reply@acme.example', at: 0 }))).toEqual({
      direction: 'in',
      counterparts: ['no-reply@acme.example'],
    });
  });

  it('reads each recipient the same however it is written, and remembers no answer wrongly across messages', () => {
    const fresh = createPartyClassifier(identity);
    const first = fresh(mail({ from: ME, to: [' Anna@ACME.example '], at: 0 }));
    const again = fresh(mail({ from: ME, to: ['anna@acme.example'], cc: ['Anna@ACME.example'], at: 1 }));
    expect(first).toEqual({ direction: 'out', counterparts: ['anna@acme.example'] });
    expect(again).toEqual(first);
    expect(fresh(mail({ from: ME, to: ['anna@acme.example', 'petro@gmail.com'], at: 2 })).counterparts).toEqual([
      'anna@acme.example',
      'petro@gmail.com',
    ]);
    expect(fresh(mail({ from: ME, to: [' Anna@ACME.example ', 'ivan@studio.example'], at: 3 }))).toEqual(first);
    expect(fresh(mail({ from: ME, to: ['ivan@studio.example'], at: 4 })).direction).toBe('internal');
    expect(fresh(mail({ from: 'Anna@ACME.example', at: 5 }))).toEqual({
      direction: 'in',
      counterparts: ['anna@acme.example'],
    });
  });
});

describe('client overrides', () => {
  it('merges, splits, ignores and keeps per-client settings', () => {
    const resolver = createClientResolver(
      parseClientOverrides({
        clients: {
          'acme-old.example': { mergeInto: 'acme.example' },
          'spam.example': { ignore: true },
          'acme.example': { name: 'ACME Ltd', tier: 'key' },
        },
        splitAddresses: ['ceo@acme.example'],
      }),
    );
    expect(resolver.keyOf('x@acme-old.example')).toBe('acme.example');
    expect(resolver.keyOf('ceo@acme.example')).toBe('ceo@acme.example');
    expect(resolver.keyOf('y@acme.example')).toBe('acme.example');
    expect(resolver.keyOf('z@spam.example')).toBeUndefined();
    expect(resolver.override('acme.example')).toEqual({ name: 'ACME Ltd', tier: 'key' });
    expect(resolver.problems).toEqual([]);
  });

  it('follows merge chains, ignores through them, and cuts loops with a reported problem', () => {
    const resolver = createClientResolver({
      clients: {
        'a.example': { mergeInto: 'b.example' },
        'b.example': { mergeInto: 'c.example' },
        'c.example': { mergeInto: 'a.example' },
        'd.example': { mergeInto: 'e.example' },
        'e.example': { ignore: true },
      },
    });
    expect(resolver.keyOf('x@a.example')).toBe('c.example');
    expect(resolver.problems[0]).toMatch(/merge loop a\.example → b\.example → c\.example → a\.example/);
    expect(resolver.keyOf('x@d.example')).toBeUndefined();
  });

  it('rejects malformed overrides naming the field', () => {
    expect(() => parseClientOverrides({ clients: { 'a.example': { tier: 'gold' } } })).toThrow(OverridesError);
    expect(() => parseClientOverrides({ clients: { 'a.example': { value: -5 } } })).toThrow(
      /clients\.a\.example\.value/,
    );
    expect(() => parseClientOverrides({ splitAddresses: ['nobody'] })).toThrow(/splitAddresses\.0/);
    expect(() => parseClientOverrides({ clients: { 'a.example': { colour: 'red' } } })).toThrow(/colour/);
    expect(parseClientOverrides(undefined)).toEqual({});
  });
});
