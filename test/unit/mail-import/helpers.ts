import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MailMessage } from '@/lib/engine/types';
import { type ImportOptions, importMailbox, type ThreadMove } from '@/lib/mail-import/mailbox-batches';
import type { ImportCounts, MailboxInput } from '@/lib/mail-import/read-mailbox';
import { applyThreadMoves } from '@/lib/mail-import/thread-moves';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** The bytes as an async iterable cut into pieces of `size` bytes. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

/** The bytes cut at the given offsets. */
export async function* cutAt(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.slice(from, cut);
    from = cut;
  }
  yield bytes.slice(from);
}

export async function importAll(
  input: MailboxInput,
  options: ImportOptions = {},
): Promise<{ messages: MailMessage[]; counts: ImportCounts; batches: number }> {
  const run = importMailbox(input, options);
  const read: MailMessage[] = [];
  const moves: ThreadMove[] = [];
  let batches = 0;
  for await (const batch of run) {
    read.push(...batch.messages);
    moves.push(...batch.moves);
    batches++;
  }
  return { messages: applyThreadMoves(read, moves), counts: { ...run.counts }, batches };
}
