import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '@/lib/engine/types';
import { type ImportState, importRates } from '@/lib/features/mailbox-import/import-progress';
import { RESEND_DELAYS_MS, startMailboxImport } from '@/lib/features/mailbox-import/import-run';
import { byPath, createImportWorker, type FromImportWorker } from '@/lib/mail-import/import-worker';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import { BackgroundRefusedError, BackgroundStorageFullError } from '@/lib/messaging/send';
import { FIXTURES, importAll } from './helpers';
import { inProcessWorker, pickFile, pickFolder } from './in-process-worker';

const reply = (messages: MailMessage[]) => ({
  added: messages.length,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  clientKeys: [...new Set(messages.map((m) => m.from.email.split('@')[1] ?? ''))],
});

function run(files: ReturnType<typeof pickFolder>, fromFolder: boolean, batchSize = 2) {
  const stored: MailMessage[][] = [];
  const states: ImportState[] = [];
  const ended: string[] = [];
  const worker = inProcessWorker();
  const handle = startMailboxImport({
    files,
    fromFolder,
    account: 'alice@corp.example',
    worker,
    batchSize,
    sendBatch: async (_, messages) => {
      stored.push(messages);
      return reply(messages);
    },
    sendEnded: async (account) => {
      ended.push(account);
    },
    onState: (state) => states.push(state),
  });
  return { handle, stored, states, worker, ended };
}

describe('the import worker protocol', () => {
  it('reads a picked folder like the command line: mail files only, same messages, same order', async () => {
    const folder = path.join(FIXTURES, 'folders');
    const { handle, stored, states, worker, ended } = run(pickFolder(folder), true);
    const final = await handle.finished;
    // Once, so the background recomputes the clients now rather than after its pause for more batches.
    expect(ended).toEqual(['alice@corp.example']);
    const cli = await importAll(await mailboxSourcesAt(folder));
    expect(stored.flat()).toEqual(cli.messages);
    expect(final).toMatchObject({ phase: 'done', stored: 4, ignoredFiles: 2 });
    expect(final.progress.counts).toEqual(cli.counts);
    expect(final.progress.bytesRead).toBe(final.progress.totalBytes);
    expect(stored.map((batch) => batch.length)).toEqual([2, 2]);
    expect(states[0]?.phase).toBe('running');
    expect(worker.terminated).toBe(true);
  });

  it('sends the next batch only after the previous one was acknowledged', async () => {
    const posted: FromImportWorker[] = [];
    const logic = createImportWorker((message) => posted.push(message));
    logic.receive({ type: 'start', files: pickFolder(path.join(FIXTURES, 'folders')), fromFolder: true, batchSize: 1 });
    await expect.poll(() => posted.filter((m) => m.type === 'batch').length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted.filter((m) => m.type === 'batch')).toHaveLength(1);
    logic.receive({ type: 'ack', seq: 1 });
    await expect.poll(() => posted.filter((m) => m.type === 'batch').length).toBe(2);
    logic.receive({ type: 'cancel' });
    await expect.poll(() => posted.at(-1)?.type).toBe('cancelled');
  });

  it('refuses a file that is not a mailbox with a clear reason, before storing anything', async () => {
    const files = [pickFile(path.join(FIXTURES, 'basic.mbox')), pickFile(path.join(FIXTURES, 'not-mail.csv'))];
    const { handle, stored, ended } = run(files, false);
    const final = await handle.finished;
    expect(ended).toEqual([]);
    expect(final.phase).toBe('failed');
    expect(final.failure).toMatchObject({ kind: 'not-a-mailbox', source: 'not-mail.csv' });
    expect(final.failure?.kind === 'not-a-mailbox' && final.failure.reason).toMatch(/name,email,phone/);
    expect(stored).toEqual([]);
  });

  it('says when a picked folder holds no mail', async () => {
    const { handle } = run(pickFolder(path.join(FIXTURES, '..', 'engine')), true);
    expect((await handle.finished).failure).toEqual({ kind: 'no-mailbox-in-folder' });
  });

  it('skips and counts a corrupt message in the middle', async () => {
    const { handle, stored } = run([pickFile(path.join(FIXTURES, 'basic.mbox'))], false, 10);
    const final = await handle.finished;
    expect(final.progress.counts).toMatchObject({ read: 6, imported: 4, skippedCorrupt: 1, skippedNoDate: 1 });
    expect(stored.flat()).toHaveLength(4);
  });

  it('cancels between batches: what was acknowledged stays, nothing after it is sent', async () => {
    const files = pickFolder(path.join(FIXTURES, 'folders'));
    const sent: MailMessage[][] = [];
    const ended: string[] = [];
    const worker = inProcessWorker();
    const handle = startMailboxImport({
      files,
      fromFolder: true,
      account: 'alice@corp.example',
      worker,
      batchSize: 1,
      sendBatch: async (_, messages) => {
        sent.push(messages);
        if (sent.length === 2) handle.cancel();
        return reply(messages);
      },
      sendEnded: async (account) => {
        ended.push(account);
      },
      onState: () => undefined,
    });
    const final = await handle.finished;
    expect(final.phase).toBe('cancelled');
    expect(sent).toHaveLength(2);
    expect(final.stored).toBe(2);
    expect(ended).toEqual(['alice@corp.example']);
  });

  describe('when the background does not answer a batch', () => {
    // What a stopped service worker gives the page: the message's channel closed without a reply.
    const channelClosed = () =>
      new Error('A listener indicated an asynchronous response by returning true, but the message channel closed');

    function failing(fail: (attempt: number) => Error | 'never' | undefined) {
      const sent: MailMessage[][] = [];
      const waits: number[] = [];
      let attempts = 0;
      const handle = startMailboxImport({
        files: pickFolder(path.join(FIXTURES, 'folders')),
        fromFolder: true,
        account: 'alice@corp.example',
        worker: inProcessWorker(),
        batchSize: 2,
        sleep: async (ms) => {
          waits.push(ms);
        },
        answerTimeoutMs: 20,
        sendBatch: async (_, messages) => {
          attempts += 1;
          const error = fail(attempts);
          if (error === 'never') return new Promise<never>(() => undefined);
          if (error) throw error;
          sent.push(messages);
          return reply(messages);
        },
        sendEnded: async () => {
          throw channelClosed();
        },
        onState: () => undefined,
      });
      return { handle, sent, waits };
    }

    it('sends it again, and the import carries on to the end', async () => {
      const { handle, sent, waits } = failing((attempt) => (attempt <= 2 ? channelClosed() : undefined));
      const final = await handle.finished;
      expect(final).toMatchObject({ phase: 'done', stored: 4, resent: 2 });
      expect(sent.flat()).toHaveLength(4);
      expect(waits).toEqual(RESEND_DELAYS_MS.slice(0, 2));
    });

    it('sends it again when the answer never comes', async () => {
      const { handle, sent } = failing((attempt) => (attempt === 2 ? 'never' : undefined));
      const final = await handle.finished;
      expect(final).toMatchObject({ phase: 'done', stored: 4, resent: 1 });
      expect(sent.flat()).toHaveLength(4);
    });

    it('stops after the last resend and says what to do: what was acknowledged is kept', async () => {
      const { handle, waits } = failing((attempt) => (attempt === 1 ? undefined : channelClosed()));
      const final = await handle.finished;
      expect(final).toMatchObject({ phase: 'failed', stored: 2, resent: RESEND_DELAYS_MS.length });
      expect(final.failure).toEqual({ kind: 'interrupted', message: expect.stringContaining('channel closed') });
      expect(waits).toEqual(RESEND_DELAYS_MS);
    });

    it.each([
      ['a refused batch', new BackgroundRefusedError('messages.0.at: expected number'), 'unreadable'],
      ['a full disk', new BackgroundStorageFullError('storage is full'), 'storage-full'],
    ])('never sends %s again', async (_, error, kind) => {
      const { handle, waits } = failing(() => error);
      const final = await handle.finished;
      expect(final).toMatchObject({ phase: 'failed', stored: 0, resent: 0, failure: { kind } });
      expect(waits).toEqual([]);
    });
  });

  it('computes rates and time left over reading and storing', () => {
    const state = {
      phase: 'running',
      startedAt: 0,
      updatedAt: 2000,
      stored: 0,
      storedEarlier: 0,
      progress: {
        counts: { read: 100, imported: 0, duplicates: 10, skippedNoDate: 0, skippedCorrupt: 0 },
        bytesRead: 1000,
        totalBytes: 4000,
      },
    } as ImportState;
    expect(importRates(state)).toEqual({
      fraction: 0.125,
      messagesPerSecond: 50,
      bytesPerSecond: 500,
      remainingMs: 14_000,
    });
    // Read whole, half stored: three quarters done.
    const storing = { ...state, stored: 45, progress: { ...state.progress, bytesRead: 4000 } } as ImportState;
    expect(importRates(storing)).toMatchObject({ fraction: 0.75, remainingMs: 2000 / 3 });
    expect(importRates({ ...state, updatedAt: 100 })).toEqual({ fraction: 0.125 });
  });

  it('orders a folder as the command line does, folder by folder', () => {
    const names = ['a.b/x', 'a/z', 'a/y/1', 'A'].map((p) => ({ path: p, file: new Blob() }));
    expect(names.sort(byPath).map((f) => f.path)).toEqual(['A', 'a/y/1', 'a/z', 'a.b/x']);
  });
});
