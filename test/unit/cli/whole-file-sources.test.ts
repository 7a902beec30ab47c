import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mailboxSourcesForCli } from '@/lib/cli/whole-file-sources';
import { importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { MailboxInput } from '@/lib/mail-import/read-mailbox';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');
const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importAll(input: MailboxInput) {
  const run = importMailbox(input);
  const messages = [];
  for await (const batch of run) messages.push(...batch.messages);
  return { messages, counts: run.counts };
}

async function bytesOf(open: () => AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of open() as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describe('mailboxSourcesForCli', () => {
  it.each([['takeout-sample.mbox'], ['bulk'], ['folders']])(
    'imports %s exactly as the streamed sources do',
    async (name) => {
      const target = path.join(FIXTURES, name);
      const whole = await importAll(await mailboxSourcesForCli(target));
      expect(whole.messages.length).toBeGreaterThan(0);
      expect(whole).toEqual(await importAll(await mailboxSourcesAt(target)));
    },
  );

  it('gives the same bytes on every opening, with no file kept after the second', async () => {
    const file = path.join(dir, 'Inbox');
    const text = `From a@b.example Mon Jan  1 00:00:00 2024\nSubject: x\n\n${'line\n'.repeat(200_000)}`;
    writeFileSync(file, text);
    const [source] = await mailboxSourcesForCli(file);
    if (!source) throw new Error('no source');
    expect((await bytesOf(source.open)).toString()).toBe(text);
    expect((await bytesOf(source.open)).toString()).toBe(text);
    // Changed on disk after the second opening: a third opening reads it again.
    writeFileSync(file, `${text}more\n`);
    expect((await bytesOf(source.open)).toString()).toBe(`${text}more\n`);
  });

  it('names a missing target as the streamed sources do', async () => {
    const missing = path.join(dir, 'nothing-here');
    await expect(mailboxSourcesForCli(missing)).rejects.toThrow(/no such file or folder/);
  });
});
