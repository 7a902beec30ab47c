import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import { importAll } from './helpers';

// The Enron mailboxes described in ../shared/data/email/SOURCES.md, with the
// message count of every file in MANIFEST.tsv and the deduplicated count per mailbox.
const EMAIL = path.resolve(import.meta.dirname, '../../..', '..', 'shared', 'data', 'email');
const MAILBOXES = path.join(EMAIL, 'enron-mbox');

function manifestCounts(): Map<string, number> {
  const rows = readFileSync(path.join(EMAIL, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).map(([file, , messages]) => [file ?? '', Number(messages)]));
}

function uniqueCounts(): Map<string, { messages: number; unique: number }> {
  const sources = readFileSync(path.join(EMAIL, 'SOURCES.md'), 'utf8');
  const rows = [...sources.matchAll(/^\| ([a-z]+-[a-z]) \([^)]*\) \| ([\d,]+) \| ([\d,]+) \|/gm)];
  const number = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  return new Map(rows.map((row) => [row[1] ?? '', { messages: number(row[2]), unique: number(row[3]) }]));
}

describe.skipIf(!existsSync(MAILBOXES))('the Enron mailboxes', () => {
  const expected = existsSync(MAILBOXES) ? uniqueCounts() : new Map();

  it('reads as many messages from every file as the manifest lists', async () => {
    const manifest = manifestCounts();
    expect(manifest.size).toBeGreaterThan(30);
    for (const [file, messages] of manifest) {
      const { counts } = await importAll(await mailboxSourcesAt(path.join(EMAIL, file)));
      expect({ file, read: counts.read }).toEqual({ file, read: messages });
    }
  }, 120_000);

  it.each(['sager-e', 'buy-r', 'parks-j'])(
    'finds the manifest’s unique messages in %s',
    async (user) => {
      const { messages, counts } = await importAll(await mailboxSourcesAt(path.join(MAILBOXES, user)));
      const want = expected.get(user);
      expect(want).toBeDefined();
      expect(counts).toEqual({
        read: want?.messages,
        imported: want?.unique,
        duplicates: (want?.messages ?? 0) - (want?.unique ?? 0),
        skippedNoDate: 0,
        skippedCorrupt: 0,
      });
      expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
      // No In-Reply-To anywhere: every thread of more than one message comes from the subject rule.
      const sizes = new Map<string, number>();
      for (const m of messages) sizes.set(m.threadId, (sizes.get(m.threadId) ?? 0) + 1);
      expect([...sizes.values()].some((size) => size > 1)).toBe(true);
    },
    120_000,
  );
});
