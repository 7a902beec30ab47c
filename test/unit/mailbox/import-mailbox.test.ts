import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, importMailbox, NotAMailboxError } from '@/lib/mailbox/import-mailbox';
import type { ImportedMessage } from '@/lib/mailbox/parse-message';
import { normalizeSubject, threadMessages } from '@/lib/mailbox/threading';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mailbox');
const read = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function importAll(bytes: Uint8Array, chunkSize = 1 << 16, seen = new Set<string>()) {
  const counts = emptyCounts();
  const messages: ImportedMessage[] = [];
  for await (const m of importMailbox(chunked(bytes, chunkSize), counts, seen)) messages.push(m);
  return { counts, messages };
}

describe('mailbox import', () => {
  it('reads a Takeout-style mbox: encoded words, folded headers, Gmail thread and labels', async () => {
    const { counts, messages } = await importAll(read('takeout-sample.mbox'));
    expect(counts).toMatchObject({ read: 5, imported: 3, duplicates: 1, skippedNoDate: 1 });
    const [first, reply, other] = messages;
    expect(first?.from).toEqual({ email: 'oksana@acme.example', name: 'Оксана' });
    expect(first?.subject).toBe('Рахунок for the website');
    expect(first?.gmailThreadId).toBe('1787654321987654321');
    expect(first?.labels).toEqual(['Inbox', 'Clients/Acme', 'Important']);
    expect(first?.at).toBe(Date.UTC(2024, 0, 1, 8, 0));
    // The escaped body line is read as "From here…", and body lines starting "From " do not split messages.
    expect(first?.snippet).toBe('Hello, From the start we wanted this. From here on, quoted escape.');
    // Quoted text is not the sender's own words.
    expect(reply?.snippet).toBe('Thanks! Paid.');
    expect(reply?.inReplyTo).toBe('<a1@acme.example>');
    expect(other?.subject).toBe('RE: [EXTERNAL] Quote');
  });

  it('gives the same messages whatever the chunk boundaries', async () => {
    const bytes = read('takeout-sample.mbox');
    const whole = await importAll(bytes);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 300 }), async (size) => {
        expect(await importAll(bytes, size)).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it('reads a single .eml with CRLF line ends', async () => {
    const { messages } = await importAll(read('single.eml'), 7);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: 'Single message', from: { email: 'dana@acme.example' } });
    expect(messages[0]?.snippet).toBe('Just one message, with CRLF line ends.');
  });

  it('refuses a file that is not a mailbox before doing any work', async () => {
    await expect(importAll(read('notes.txt'))).rejects.toThrow(NotAMailboxError);
  });

  it('counts a corrupt message and goes on', async () => {
    const broken = new TextEncoder().encode(
      'From x\nDate: yesterday-ish\nFrom: a@b.example\nSubject: bad date\n\nx\n\nFrom x\nDate: Tue, 2 Jan 2024 09:00:00 +0000\nSubject: no sender\n\ny\n\n',
    );
    const { counts } = await importAll(new Uint8Array([...broken, ...read('takeout-sample.mbox')]));
    expect(counts).toMatchObject({ imported: 3, skippedNoDate: 2, skippedNoSender: 1 });
  });

  it('dedupes across files: copies in several folders count once', async () => {
    const seen = new Set<string>();
    await importAll(read('takeout-sample.mbox'), 4096, seen);
    const again = await importAll(read('takeout-sample.mbox'), 4096, seen);
    expect(again.counts).toMatchObject({ imported: 0, duplicates: 4 });
  });

  it('stops cleanly when cancelled', async () => {
    const controller = new AbortController();
    const counts = emptyCounts();
    const got: ImportedMessage[] = [];
    await expect(async () => {
      for await (const m of importMailbox(chunked(read('takeout-sample.mbox'), 64), counts, new Set(), {
        signal: controller.signal,
      })) {
        got.push(m);
        controller.abort();
      }
    }).rejects.toThrow();
    expect(got).toHaveLength(1);
  });
});

describe('threading imported mail', () => {
  it('normalizes reply prefixes in several languages and list tags', () => {
    expect(normalizeSubject('Re: FW: [EXTERNAL] Invoice  #12')).toBe('invoice #12');
    expect(normalizeSubject('Відп: Рахунок')).toBe('рахунок');
    expect(normalizeSubject('Отв: Счёт')).toBe('счёт');
    expect(normalizeSubject('AW: Angebot')).toBe('angebot');
  });

  it('uses Gmail thread ids, reply headers, then subject, people and time', async () => {
    const { messages } = await importAll(read('takeout-sample.mbox'));
    const threaded = threadMessages(messages);
    const byId = new Map(threaded.map((m) => [m.id, m.threadId]));
    expect(byId.get('<a1@acme.example>')).toBe('1787654321987654321');
    expect(byId.get('<a2@brightpath.studio>')).toBe('1787654321987654321');
    expect(byId.get('<b1@other.example>')).not.toBe('1787654321987654321');
    const base = { references: [], to: [], cc: [], snippet: '', labels: [], bodyDigest: '' };
    const noHeaders = threadMessages([
      { ...base, messageId: '<1@x>', at: 0, from: { email: 'a@x.example' }, subject: 'Plan' },
      {
        ...base,
        messageId: '<2@x>',
        at: 86_400_000,
        from: { email: 'me@y.example' },
        to: [{ email: 'a@x.example' }],
        subject: 'RE: Plan',
      },
      { ...base, messageId: '<3@x>', at: 90 * 86_400_000, from: { email: 'a@x.example' }, subject: 'Plan' },
      { ...base, messageId: '<4@x>', at: 2 * 86_400_000, from: { email: 'z@z.example' }, subject: 'Plan' },
    ]);
    const [one, two, three, four] = ['<1@x>', '<2@x>', '<3@x>', '<4@x>'].map(
      (id) => noHeaders.find((m) => m.id === id)?.threadId,
    );
    expect(two).toBe(one);
    expect(three).not.toBe(one);
    expect(four).not.toBe(one);
  });
});
