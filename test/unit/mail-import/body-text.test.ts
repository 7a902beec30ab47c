import { describe, expect, it } from 'vitest';
import { bodyText } from '@/lib/mail-import/body-text';

const encoder = new TextEncoder();
const qp = (body: string, charset = 'utf-8') =>
  bodyText(
    { contentType: `text/plain; charset=${charset}`, transferEncoding: 'quoted-printable' },
    encoder.encode(body),
  ).text;

describe('quoted-printable bodies', () => {
  it.each([
    ['plain text', 'plain text'],
    ['caf=C3=A9 and =3D sign', 'café and = sign'],
    ['soft=\nbreak, soft=\r\nbreak', 'softbreak, softbreak'],
    // The soft break goes first, then what it joined is read: `=` + `41`.
    ['==\n41', 'A'],
    ['=\r=\nx', '=\r\x78'],
    ['bad =ZZ, lower =e2=80=99, cut =4', 'bad =ZZ, lower ’, cut =4'],
    ['ends with =', 'ends with ='],
  ])('decodes %j', (body, text) => {
    expect(qp(body)).toBe(text);
  });

  it('decodes the bytes in the part’s charset', () => {
    expect(qp('=E9t=E9', 'iso-8859-1')).toBe('été');
  });
});
