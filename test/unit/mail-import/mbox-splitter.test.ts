import { describe, expect, it } from 'vitest';
import { MboxSplitter, type RawMessage } from '@/lib/mail-import/mbox-splitter';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function split(text: string, chunkSize = Number.POSITIVE_INFINITY, limits = {}): RawMessage[] {
  const bytes = encode(text);
  const splitter = new MboxSplitter('mbox', limits);
  const out: RawMessage[] = [];
  const step = Math.min(chunkSize, bytes.length || 1);
  for (let at = 0; at < bytes.length; at += step) out.push(...splitter.push(bytes.slice(at, at + step)));
  out.push(...splitter.end());
  return out;
}

const SEP = 'From a@b.example Mon Jan  1 00:00:00 2024\n';

describe('MboxSplitter', () => {
  it('splits on "From " lines only at the start or after a blank line', () => {
    const messages = split(
      `${SEP}Subject: one\n\nbody\nFrom me, without a blank line before\n\n${SEP}Subject: two\n\nx\n`,
    );
    expect(messages).toHaveLength(2);
    expect(decode(messages[0]?.bodyStart ?? new Uint8Array())).toBe('body\nFrom me, without a blank line before\n\n');
    expect(decode(messages[1]?.header ?? new Uint8Array())).toBe('Subject: two\n\n');
  });

  it('needs a time of day on the separator line, so prose after a blank line is not cut', () => {
    expect(split(`${SEP}Subject: one\n\nFrom the desk of the director.\n`)).toHaveLength(1);
  });

  it('undoes mboxrd escaping in bodies, one ">" at a time', () => {
    const [message] = split(`${SEP}Subject: x\n\n>From a\n>>From b\n> From c\n`);
    expect(decode(message?.bodyStart ?? new Uint8Array())).toBe('From a\n>From b\n> From c\n');
  });

  it('reports offsets and lengths that cover the input', () => {
    const text = `${SEP}Subject: one\n\nbody\n\n${SEP}Subject: two\n\nx\n`;
    const messages = split(text, 5);
    expect(messages.map((m) => [m.offset, m.length])).toEqual([
      [0, text.indexOf(SEP, 1)],
      [text.indexOf(SEP, 1), text.length - text.indexOf(SEP, 1)],
    ]);
  });

  it('keeps only the start of a long body but fingerprints all of it', () => {
    const body = 'x'.repeat(100_000);
    const [a] = split(`${SEP}Subject: x\n\n${body}\n`, 4096, { maxBodyBytes: 1000 });
    const [b] = split(`${SEP}Subject: x\n\n${body}y\n`, 4096, { maxBodyBytes: 1000 });
    expect(a?.bodyStart.length).toBe(1000);
    expect(a?.bodyBytes).toBe(100_001);
    expect(a?.bodyHash).not.toBe(b?.bodyHash);
  });

  it('hashes a body the same with CRLF or LF and any trailing blank lines', () => {
    const [lf] = split(`${SEP}Subject: x\n\nline 1\nline 2\n`);
    const [crlf] = split(`${SEP}Subject: x\r\n\r\nline 1\r\nline 2\r\n\r\n\r\n`);
    expect(crlf?.bodyHash).toBe(lf?.bodyHash);
  });

  it('does not take a "From " inside an over-long line for a separator', () => {
    const long = `${'y'.repeat(70_000)}\n\nFrom inside Mon Jan  1 00:00:00 2024`;
    const messages = split(`${SEP}Subject: x\n\n${long}${'z'.repeat(70_000)}\n`, 1000);
    expect(messages).toHaveLength(1);
  });

  it('marks a message whose header block is over the limit, and goes on', () => {
    const huge = `X-Big: ${'h'.repeat(2000)}\n`;
    const messages = split(`${SEP}${huge}Subject: x\n\nbody\n\n${SEP}Subject: ok\n\nfine\n`, 100, {
      maxHeaderBytes: 1000,
    });
    expect(messages.map((m) => m.headerTooLarge)).toEqual([true, false]);
    expect(messages[0]?.header.length).toBe(0);
  });

  it('reads a whole .eml as one message', () => {
    const splitter = new MboxSplitter('eml');
    const out = [
      ...splitter.push(encode('Subject: x\n\nFrom here\n\nFrom a Mon Jan  1 00:00:00 2024\n')),
      ...splitter.end(),
    ];
    expect(out).toHaveLength(1);
    expect(decode(out[0]?.bodyStart ?? new Uint8Array())).toContain('From a Mon');
  });
});
