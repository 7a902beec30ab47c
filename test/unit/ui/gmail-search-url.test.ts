import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gmailSearchUrl } from '@/lib/ui/open-in-gmail';

// A team row opens a search of the user's own Gmail for the client: no
// colleague's thread id is ever shared, so the client's domain or address is
// what finds their mail.

const queryOf = (url: string) => decodeURIComponent(url.slice(url.indexOf('#search/') + '#search/'.length));

describe('the Gmail search for a client of the team', () => {
  it('searches the mail from, to or copied to the client’s domain, in the account’s Gmail', () => {
    expect(gmailSearchUrl('u/1', 'globex.example')).toBe(
      `https://mail.google.com/mail/u/1/#search/${encodeURIComponent('from:globex.example OR to:globex.example OR cc:globex.example')}`,
    );
  });

  it('searches a person’s own address, in the default account when none is known', () => {
    const url = gmailSearchUrl(undefined, 'anna.k+work@gmail.com');
    expect(url.startsWith('https://mail.google.com/mail/u/0/#search/')).toBe(true);
    expect(queryOf(url)).toBe('from:anna.k+work@gmail.com OR to:anna.k+work@gmail.com OR cc:anna.k+work@gmail.com');
  });

  it('keeps only a domain’s or an address’s characters of a key a colleague’s summary gave', () => {
    expect(queryOf(gmailSearchUrl('u/0', 'evil.example OR in:anywhere (x)'))).toBe(
      'from:evil.exampleORinanywherex OR to:evil.exampleORinanywherex OR cc:evil.exampleORinanywherex',
    );
    expect(gmailSearchUrl('u/0', ' ()"')).toBe('https://mail.google.com/mail/u/0/#inbox');
  });

  it('never leaves Gmail, adds no operator of its own and never throws, whatever the key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (key) => {
        const url = gmailSearchUrl('u/0', key);
        expect(url.startsWith('https://mail.google.com/mail/u/0/#')).toBe(true);
        expect(new URL(url).host).toBe('mail.google.com');
        if (!url.includes('#search/')) return;
        const [from, or1, to, or2, cc, ...rest] = queryOf(url).split(' ');
        expect([or1, or2, rest]).toEqual(['OR', 'OR', []]);
        expect(new Set([from?.slice(5), to?.slice(3), cc?.slice(3)]).size).toBe(1);
        expect(from).toMatch(/^from:[\p{L}\p{N}.@_+-]+$/u);
      }),
    );
  });
});
