// Most address headers are plain: `a@x.com, b@y.com` or `Name <a@x.com>`, with
// no quotes, comments, groups or encoded words. Those are read here in one
// split and a regular expression per address, which in a whole export is most
// of the headers; anything else is left to postal-mime's full address parser,
// whose result this gives exactly where it answers
// (test/unit/mail-import/simple-addresses.test.ts checks both on real mailboxes).

import type { Address } from 'postal-mime';

// Printable ASCII and tabs (folded long lists keep them) without what makes an
// address list more than comma-separated addresses: quotes, comments, groups,
// escapes, and encoded words' `=?`.
const PLAIN = /^[\t\x20-\x7e]*$/;
const STRUCTURED = /["()\\:;]|=\?/;
const BARE = /^[^@\s<>,]+@[^@\s<>,]+$/;
const NAMED = /^([^<>@]*)<\s*([^@\s<>]+@[^@\s<>]+?)\s*>$/;

/** The addresses of a plain address header, as postal-mime's addressParser gives them; undefined when it is not plain. */
export function simpleAddressList(value: string): Address[] | undefined {
  if (!PLAIN.test(value) || STRUCTURED.test(value)) return undefined;
  const out: Address[] = [];
  for (const piece of value.split(',')) {
    const text = piece.trim();
    if (text === '') continue;
    if (BARE.test(text)) {
      out.push({ address: text, name: '' });
      continue;
    }
    const named = NAMED.exec(text);
    if (!named) return undefined;
    const name = (named[1] as string).trim();
    const address = named[2] as string;
    out.push({ address, name: name === address ? '' : name });
  }
  return out;
}
