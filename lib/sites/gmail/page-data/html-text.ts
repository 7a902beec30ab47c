// Text out of the small HTML fragments the older API puts in its data
// (`<b>subject</b>`, `&raquo;&nbsp;`, `<span email="…" name="…">`): tags
// dropped, the entities Gmail writes decoded. No DOM: this runs in pure code.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  raquo: '»',
  laquo: '«',
  hellip: '…',
  mdash: '—',
  ndash: '–',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    const key = body.toLowerCase();
    return Object.hasOwn(NAMED, key) ? (NAMED[key] as string) : whole;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

/** The `email` and `name` attributes of each `<span>` in a people fragment, in order. */
export function spanPeople(html: string): { email: string; name: string }[] {
  const people: { email: string; name: string }[] = [];
  for (const [tag] of html.matchAll(/<span\b[^>]*>/gi)) {
    const email = /\bemail="([^"]*)"/i.exec(tag)?.[1];
    if (email === undefined) continue;
    people.push({ email: decodeEntities(email), name: decodeEntities(/\bname="([^"]*)"/i.exec(tag)?.[1] ?? '') });
    if (people.length >= 100) break;
  }
  return people;
}
