import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotAMailboxError } from '@/lib/mail-import/errors';
import { importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { ImportProgress, MailboxSource, SkippedMessage } from '@/lib/mail-import/read-mailbox';
import { cutAt, FIXTURES, fixtureBytes, importAll, inChunks } from './helpers';

const fixture = (name: string) => path.join(FIXTURES, name);

describe('importMailbox on an mbox', () => {
  it('reads encoded headers, skips the message without Date and the corrupt one, and says why', async () => {
    const skipped: SkippedMessage[] = [];
    const { messages, counts } = await importAll(inChunks(fixtureBytes('basic.mbox'), 4096), {
      onSkip: (skip) => skipped.push(skip),
    });
    expect(counts).toEqual({ read: 6, imported: 4, duplicates: 0, skippedNoDate: 1, skippedCorrupt: 1 });
    expect(skipped.map(({ kind, reason }) => ({ kind, reason }))).toEqual([
      { kind: 'no-date', reason: 'no Date header' },
      { kind: 'corrupt', reason: 'it does not start with a mail header' },
    ]);
    expect(skipped.every((skip) => skip.source === 'input' && skip.offset > 0)).toBe(true);

    const [anna, ivan, reply, meeting] = messages;
    expect(anna).toMatchObject({
      id: 'm1@studio.example',
      at: Date.UTC(2024, 2, 4, 8, 15),
      from: { email: 'anna@studio.example', name: 'Анна Коваль' },
      to: [
        { email: 'me@agency.example', name: 'Keepwarm User' },
        { email: 'second@agency.example', name: 'Second Person' },
      ],
      subject: 'Оновлення проєкту — березень',
    });
    // `>From ` is unescaped, `>>From ` becomes a quoted line, the signature is cut.
    expect(anna?.snippet).toBe(
      'Привіт! Надсилаю оновлення за березень. From the start of the month we are on schedule. From here on a bare From line inside a paragraph (mboxo style).',
    );
    expect(ivan).toMatchObject({
      from: { email: 'ivan@client.example', name: 'Иван Петров' },
      subject: 'Счёт за март',
      snippet: 'Добрый день, когда будет счёт?',
    });
    expect(reply).toMatchObject({ threadId: anna?.threadId, snippet: 'Thanks Anna & team — all good.' });
    expect(meeting).toMatchObject({
      id: expect.stringMatching(/^h:[0-9a-f]{16}$/),
      cc: [{ email: 'boss@client.example' }],
      snippet: 'Plain part: see you on Friday.',
    });
    expect(new Set(messages.map((m) => m.threadId)).size).toBe(3);
  });

  it('gives the same messages whatever the chunk size, CRLF or LF', async () => {
    const bytes = fixtureBytes('basic.mbox');
    const crlf = new TextEncoder().encode(new TextDecoder().decode(bytes).replaceAll('\n', '\r\n'));
    const expected = (await importAll(inChunks(bytes, 4096))).messages;
    for (const size of [1, 7, 4096]) {
      expect((await importAll(inChunks(bytes, size))).messages).toEqual(expected);
      expect((await importAll(inChunks(crlf, size))).messages).toEqual(expected);
    }
  });

  it('gives the same messages for any cut of the input (property)', async () => {
    const bytes = fixtureBytes('basic.mbox');
    const expected = (await importAll(inChunks(bytes, bytes.length))).messages;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
        expect((await importAll(cutAt(bytes, cuts))).messages).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts a WHATWG ReadableStream and reports byte offsets', async () => {
    const bytes = fixtureBytes('basic.mbox');
    const progress: ImportProgress[] = [];
    const source: MailboxSource = {
      name: 'basic.mbox',
      size: bytes.length,
      open: () => new Blob([bytes.slice().buffer]).stream(),
    };
    const { counts } = await importAll(source, { onProgress: (p) => progress.push({ ...p }) });
    expect(counts.imported).toBe(4);
    const last = progress.at(-1);
    expect(last).toMatchObject({ source: 'basic.mbox', bytesRead: bytes.length, totalBytes: bytes.length });
    expect(progress.map((p) => p.bytesRead)).toEqual([...progress.map((p) => p.bytesRead)].sort((a, b) => a - b));
  });

  it('batches messages', async () => {
    const { batches, messages } = await importAll(inChunks(fixtureBytes('basic.mbox'), 64), { batchSize: 3 });
    expect(messages).toHaveLength(4);
    expect(batches).toBe(2);
  });
});

describe('importMailbox streaming threads', () => {
  // Two replies read before the message that links their branches.
  const mbox = fixtureBytes('late-link.mbox');

  it('hands out each message once and moves a thread already handed out when it joins another', async () => {
    const batches = [];
    for await (const batch of importMailbox(inChunks(mbox, 50), { batchSize: 1 })) batches.push(batch);
    expect(batches.map((b) => b.messages.map((m) => m.id))).toEqual([
      ['r1@x.example'],
      ['r2@x.example'],
      ['p3@x.example'],
    ]);
    const [first, second, third] = batches.map((b) => b.messages[0]?.threadId);
    expect(third).toBe(first);
    expect(batches[2]?.moves).toEqual([{ from: second, to: first }]);

    const { messages } = await importAll(inChunks(mbox, 50), { batchSize: 1 });
    expect(new Set(messages.map((m) => m.threadId))).toEqual(new Set([first]));
    expect((await importAll(inChunks(mbox, 7))).messages).toEqual(messages);
  });
});

describe('importMailbox on Gmail Takeout and .eml', () => {
  it('uses X-GM-THRID as the thread id and joins a reply from an .eml to it', async () => {
    const sources = [
      ...(await mailboxSourcesAt(fixture('takeout.mbox'))),
      ...(await mailboxSourcesAt(fixture('single.eml'))),
    ];
    const { messages, counts } = await importAll(sources);
    expect(counts).toMatchObject({ read: 3, imported: 3 });
    expect(messages.map((m) => [m.id, m.threadId])).toEqual([
      ['t1@client.example', '1790000000000000001'],
      ['t2@agency.example', '1790000000000000001'],
      ['e1@client.example', '1790000000000000001'],
    ]);
  });

  it('reads a single CRLF .eml file', async () => {
    const { messages } = await importAll(inChunks(fixtureBytes('single.eml'), 7));
    expect(messages).toEqual([
      {
        id: 'e1@client.example',
        threadId: expect.stringMatching(/^t:/),
        at: Date.UTC(2024, 3, 2, 9),
        from: { email: 'client@client.example', name: 'Client' },
        to: [{ email: 'me@agency.example' }],
        cc: [],
        subject: 'Re: Invoice question',
        snippet: 'Thanks, all clear now.',
        copyKey: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });
});

describe('importMailbox on a folder export', () => {
  it('finds mbox files by content, drops copies from other folders and threads by subject', async () => {
    const sources = await mailboxSourcesAt(fixture('folders'));
    expect(sources.map((s) => s.name)).toEqual(['alice/all_documents', 'alice/inbox', 'alice/sent.mbox']);
    const { messages, counts } = await importAll(sources);
    expect(counts).toEqual({ read: 6, imported: 4, duplicates: 2, skippedNoDate: 0, skippedCorrupt: 0 });
    const [draft, reply, carol, late] = messages;
    expect(reply?.subject).toBe('RE: Contract draft');
    expect(reply?.threadId).toBe(draft?.threadId);
    // Same subject but other people; same people but months later: other threads.
    expect(carol?.threadId).not.toBe(draft?.threadId);
    expect(late?.threadId).not.toBe(draft?.threadId);
  });

  it('gives the same thread ids when imported again', async () => {
    const first = await importAll(await mailboxSourcesAt(fixture('folders')));
    const again = await importAll(await mailboxSourcesAt(fixture('folders')));
    expect(again.messages).toEqual(first.messages);
  });
});

describe('bad input', () => {
  it('refuses a file that is not a mailbox before reading any message', async () => {
    const run = importMailbox(await mailboxSourcesAt(fixture('not-mail.csv')));
    await expect(importAllOf(run)).rejects.toThrow(NotAMailboxError);
    await expect(importAllOf(importMailbox(await mailboxSourcesAt(fixture('not-mail.csv'))))).rejects.toThrow(
      /not-mail\.csv is not a mailbox .*"name,email,phone"/,
    );
    expect(run.counts.read).toBe(0);
  });

  it('refuses the whole import when one of several inputs is not a mailbox', async () => {
    const good = await mailboxSourcesAt(fixture('basic.mbox'));
    const bad = await mailboxSourcesAt(fixture('not-mail.csv'));
    const run = importMailbox([...good, ...bad]);
    await expect(importAllOf(run)).rejects.toThrow(/not-mail\.csv/);
    expect(run.counts.read).toBe(0);
  });

  it.each([
    ['empty input', new Uint8Array(0), /empty/],
    ['binary data', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), /binary/],
    ['key: value text', new TextEncoder().encode('name: Anna\ncity: Kyiv\n'), /none of From/],
  ])('refuses %s with a clear reason', async (_, bytes, reason) => {
    await expect(importAll(inChunks(bytes, 16))).rejects.toThrow(reason);
  });

  it('says clearly when a path does not exist or holds no mailbox', async () => {
    await expect(mailboxSourcesAt(fixture('missing.mbox'))).rejects.toThrow(/missing\.mbox: no such file/);
    await expect(mailboxSourcesAt(path.join(FIXTURES, '..', 'engine'))).rejects.toThrow(/no mbox or \.eml files/);
  });
});

describe('cancellation', () => {
  it('stops between messages with the abort reason and releases the input', async () => {
    const controller = new AbortController();
    let released = false;
    async function* source() {
      try {
        yield* inChunks(fixtureBytes('basic.mbox'), 1);
      } finally {
        released = true;
      }
    }
    const run = importMailbox(source(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.counts.read === 2) controller.abort();
      },
    });
    await expect(importAllOf(run)).rejects.toThrow(/abort/i);
    expect(run.counts.read).toBe(2);
    expect(released).toBe(true);
  });

  it('does not start when already aborted', async () => {
    const run = importMailbox(inChunks(fixtureBytes('basic.mbox'), 64), { signal: AbortSignal.abort() });
    await expect(importAllOf(run)).rejects.toThrow(/abort/i);
    expect(run.counts.read).toBe(0);
  });
});

async function importAllOf(run: AsyncIterable<{ messages: unknown[] }>): Promise<number> {
  let n = 0;
  for await (const batch of run) n += batch.messages.length;
  return n;
}
