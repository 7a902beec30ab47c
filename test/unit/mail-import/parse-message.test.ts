import { describe, expect, it } from 'vitest';
import { MboxSplitter } from '@/lib/mail-import/mbox-splitter';
import { parseMailDate } from '@/lib/mail-import/parse-date';
import { type ParseOutcome, parseMessage } from '@/lib/mail-import/parse-message';
import { makeSnippet } from '@/lib/mail-import/snippet';
import { normalizeSubject } from '@/lib/mail-import/subject';

function parse(text: string): ParseOutcome {
  const splitter = new MboxSplitter('eml');
  const [raw] = [...splitter.push(new TextEncoder().encode(text)), ...splitter.end()];
  if (!raw) throw new Error('no message');
  return parseMessage(raw);
}

const HEAD = 'From: a@b.example\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n';

describe('parseMessage', () => {
  it('reads Gmail labels, quoted ones with commas included, and the thread id', () => {
    const outcome = parse(
      `${HEAD}X-GM-THRID: 1790000000000000001\nX-Gmail-Labels: Inbox,"Clients, 2024",Важливо\n\nx\n`,
    );
    expect(outcome).toMatchObject({
      kind: 'message',
      message: { labels: ['Inbox', 'Clients, 2024', 'Важливо'], gmailThreadId: '1790000000000000001' },
    });
  });

  it('takes In-Reply-To and References ids without brackets, oldest first', () => {
    const outcome = parse(`${HEAD}Message-ID: <c@x>\nReferences: <a@x>\n <b@x>\nIn-Reply-To: <b@x>\n\nx\n`);
    expect(outcome).toMatchObject({ message: { messageId: 'c@x', references: ['a@x', 'b@x'], inReplyTo: ['b@x'] } });
  });

  it('skips a message whose Date cannot be read, rather than inventing a time', () => {
    expect(parse('From: a@b.example\nDate: sometime last week\n\nx\n')).toEqual({
      kind: 'no-date',
      reason: 'unreadable Date "sometime last week"',
    });
  });

  it('calls a message without sender corrupt', () => {
    expect(parse('Date: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: x\n\nbody\n')).toMatchObject({ kind: 'corrupt' });
  });

  it('decodes koi8-r and windows-1251 bodies and an unknown charset without failing', () => {
    const koi8 = parse(
      `${HEAD}Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n8NLJ18XU\n`,
    );
    expect(koi8).toMatchObject({ message: { snippet: 'Привет' } });
    const unknown = parse(`${HEAD}Content-Type: text/plain; charset=x-made-up\n\nplain ascii\n`);
    expect(unknown).toMatchObject({ message: { snippet: 'plain ascii' } });
  });

  it('reads text from a multipart cut short in the middle of its last part', () => {
    const outcome = parse(
      `${HEAD}Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: application/pdf\n\nJVBER\n--zz\nContent-Type: text/plain\n\nthe text part, cut`,
    );
    expect(outcome).toMatchObject({ message: { snippet: 'the text part, cut' } });
  });
});

describe('parseMailDate', () => {
  it.each([
    ['Mon, 14 May 2001 16:39:00 -0700 (PDT)', Date.UTC(2001, 4, 14, 23, 39)],
    ['14 May 01 16:39 PDT', Date.UTC(2001, 4, 14, 23, 39)],
    ['Thu, 1 Jan 1970 00:00:00 GMT', 0],
    ['2024-03-01T10:00:00Z', Date.UTC(2024, 2, 1, 10)],
  ])('reads %s', (value, expected) => {
    expect(parseMailDate(value)).toBe(expected);
  });

  it.each(['', 'soon', '31 Feb 2024 10:00:00 +0000', '1 Foo 2024 10:00 +0000'])('refuses %j', (value) => {
    expect(parseMailDate(value)).toBeUndefined();
  });
});

describe('makeSnippet', () => {
  it('drops quoted replies and signatures and keeps about 200 characters', () => {
    const text = `${'word '.repeat(100)}\n\nOn Mon, Anna wrote:\n> old`;
    const snippet = makeSnippet(text, undefined);
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(snippet.endsWith('…')).toBe(true);
    expect(makeSnippet('New text.\n-----Original Message-----\nold', undefined)).toBe('New text.');
    expect(makeSnippet('Відповідь.\n\nПн, Анна пише:\n> old', undefined)).toBe('Відповідь.');
  });

  it('cuts a long text after whole characters, never inside an emoji', () => {
    expect(makeSnippet(`${'😀'.repeat(300)}`, undefined)).toBe(`${'😀'.repeat(199)}…`);
    expect(makeSnippet(`${'a'.repeat(150)} ${'b'.repeat(100)}`, undefined)).toBe(`${'a'.repeat(150)}…`);
  });

  it('uses the forwarded text when a forward has none of its own', () => {
    expect(makeSnippet('-----Original Message-----\nFrom: x\nSent: y\n\nThe forwarded text', undefined)).toBe(
      'The forwarded text',
    );
  });

  it('reduces HTML to its visible text', () => {
    expect(
      makeSnippet(undefined, '<style>a{}</style><p>Hi&nbsp;there &#8212; &lt;ok&gt;</p><script>x()</script>'),
    ).toBe('Hi there — <ok>');
  });
});

describe('normalizeSubject', () => {
  it.each([
    ['RE: FW: Contract  draft', 'contract draft'],
    ['[EXTERNAL] Re[2]: Contract draft', 'contract draft'],
    ['Отв: Відп: AW: SV: Fwd: Рахунок', 'рахунок'],
    ['Re: [ticket #12] Broken', 'broken'],
  ])('%s → %s', (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });
});
