import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mailboxPieces } from '@/lib/cli/mailbox-pieces';
import { type MailboxFile, openMailboxFile } from '@/lib/cli/whole-file-sources';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { emptyCounts, readMailboxChunks } from '@/lib/mail-import/read-mailbox';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');
const ENRON_INBOX = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/email/enron-mbox/buy-r/enron.buy-r.inbox',
);
const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-pieces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileAt = (file: string): MailboxFile => ({ name: path.basename(file), path: file, size: statSync(file).size });

/** The messages and counts of the files read one after another, as the two threads hand them on, or the error. */
async function readAll(files: MailboxFile[]) {
  const counts = emptyCounts();
  const messages: ImportedMessage[] = [];
  try {
    for (const file of files) {
      for await (const list of readMailboxChunks([openMailboxFile(file)], counts)) messages.push(...list);
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { messages, counts };
}

async function expectSameAsWhole(file: string, pieceBytes: number) {
  const whole = fileAt(file);
  const pieces = mailboxPieces([whole], pieceBytes);
  const bytes = readFileSync(file);
  expect(Buffer.concat(pieces.map((piece) => bytes.subarray(piece.start, piece.end))).equals(bytes)).toBe(true);
  expect(await readAll(pieces)).toEqual(await readAll([whole]));
  return pieces;
}

describe('mailboxPieces', () => {
  it.each([['basic.mbox'], ['takeout-sample.mbox'], ['late-link.mbox'], ['takeout.mbox']])(
    'cuts %s only where its messages part, and its pieces read as the file does',
    async (name) => {
      const pieces = await expectSameAsWhole(path.join(FIXTURES, name), 64);
      expect(pieces.length).toBeGreaterThan(1);
    },
  );

  it('leaves a file of two pieces or less, an .eml and a piece alone', () => {
    const mbox = fileAt(path.join(FIXTURES, 'basic.mbox'));
    expect(mailboxPieces([mbox], mbox.size ?? 0)).toEqual([mbox]);
    const eml = fileAt(path.join(FIXTURES, 'single.eml'));
    expect(mailboxPieces([eml], 16)).toEqual([eml]);
    const piece = { ...mbox, start: 0, end: 100 };
    expect(mailboxPieces([piece], 16)).toEqual([piece]);
  });

  it('reads any mbox in pieces as it reads it whole: separators, escaped and bare From lines, CRLF', async () => {
    const line = fc.oneof(
      fc.constantFrom('', '\r', 'From here on, a sentence.', '>From a quoted line', 'From x Mon Jan  1 00:00:00 2024'),
      fc.constantFrom('From: not a separator', 'Subject: x', 'binary \u0000 byte', 'From  Tue Feb  2 10:00:00 2021'),
      fc.string({ maxLength: 40 }),
    );
    const message = fc.record({
      separator: fc.constantFrom('From a@b.example Mon Jan  1 00:00:00 2024', 'From - Thu Mar  7 10:00:00 2024'),
      date: fc.constantFrom('Date: Mon, 1 Jan 2024 10:00:00 +0000', 'Date: nonsense', ''),
      body: fc.array(line, { maxLength: 12 }),
      crlf: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 16, max: 400 }),
        async (messages, pieceBytes) => {
          const text = messages
            .map(({ separator, date, body, crlf }) =>
              [separator, 'From: a@b.example', ...(date ? [date] : []), 'Subject: s', '', ...body, ''].join(
                crlf ? '\r\n' : '\n',
              ),
            )
            .join('\n');
          const file = path.join(dir, 'generated.mbox');
          writeFileSync(file, text);
          await expectSameAsWhole(file, pieceBytes);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.skipIf(!existsSync(ENRON_INBOX))('reads a real Enron inbox in pieces as it reads it whole', async () => {
    const pieces = await expectSameAsWhole(ENRON_INBOX, 256 * 1024);
    expect(pieces.length).toBeGreaterThan(4);
  });
});
