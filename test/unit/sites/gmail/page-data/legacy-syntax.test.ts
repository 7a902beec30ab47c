import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, spanPeople } from '@/lib/sites/gmail/page-data/html-text';
import { deframe, literalToJson } from '@/lib/sites/gmail/page-data/legacy-frames';

describe('literalToJson', () => {
  it.each([
    ['[]', []],
    ['[,]', [null, null]],
    ['[1,,2]', [1, null, 2]],
    ['[,1]', [null, 1]],
    ['[[],[,],"a,,b"]', [[], [null, null], 'a,,b']],
    ['[\'it\\\'s\',"say \\"hi\\""]', ["it's", 'say "hi"']],
    ['[\'a "quoted" word\']', ['a "quoted" word']],
    ['["\\x3cb\\x3e"]', ['<b>']],
    ['[1\n,2\n]', [1, 2]],
  ])('%s', (literal, expected) => {
    expect(JSON.parse(literalToJson(literal))).toEqual(expected);
  });

  it('escapes raw control characters inside strings', () => {
    expect(JSON.parse(literalToJson("['a\tb']"))).toEqual(['a\tb']);
  });
});

describe('deframe', () => {
  it('reads chunks with and without length lines, JSON or JavaScript', () => {
    expect(deframe(")]}'\n\n[[1,2]]", 0)).toEqual({ chunks: [[[1, 2]]] });
    expect(deframe(")]}'\n\n8\n[[1,,2]]\n6\n[[3]]\n", 0)).toEqual({ chunks: [[[1, null, 2]], [[3]]] });
    // A length that does not match the chunk (Gmail has counted both ways) falls back to its brackets.
    expect(deframe(")]}'\n\n99\n[[1]]\n3\n[[2]]", 0)).toEqual({ chunks: [[[1]], [[2]]] });
  });

  it('tells a cut response from one that is not Gmail’s', () => {
    expect(deframe(")]}'\n\n[[1,2]", 0)).toBe('truncated');
    expect(deframe(")]}'\n\n8\n[[1]]\n12", 0)).toBe('truncated');
    expect(deframe(")]}'\n\n{}", 0)).toBe('not-gmail');
    expect(deframe(")]}'\n\n[[1,2]]x", 0)).toBe('not-gmail');
    expect(deframe(`)]}'\n\n${'[1]'.repeat(201)}`, 0)).toBe('too-large');
  });
});

describe('html text', () => {
  it('drops tags and decodes the entities Gmail writes, keeping what is not an entity', () => {
    expect(htmlToText('<b>Q&amp;A &#39;24&#x27; &raquo;&nbsp;x</b>')).toBe("Q&A '24' »\u00a0x");
    expect(decodeEntities('&#xD800; &#0; &bogus; &#1114112;')).toBe('&#xD800; &#0; &bogus; &#1114112;');
  });

  it('reads the people of a row, with their names', () => {
    const html =
      '<span class="yP" email="a@x.example" name="Ann &amp; Co">Ann</span>, <span email="b@x.example">b</span> (3)';
    expect(spanPeople(html)).toEqual([
      { email: 'a@x.example', name: 'Ann & Co' },
      { email: 'b@x.example', name: '' },
    ]);
  });
});
