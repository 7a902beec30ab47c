// What the import worker does, apart from the worker itself so it runs in
// tests: reads the picked files with File.stream() and hands out batches of
// parsed messages one at a time, each only after the previous one was
// acknowledged (stored), so memory holds at most two batches and a cancel
// leaves exactly the acknowledged batches stored.

import { detectMailboxFormat, SNIFF_BYTES } from './detect-format';
import { NotAMailboxError } from './errors';
import { type ImportedMailMessage, importMailbox, type ThreadMove } from './mailbox-batches';
import type { ImportCounts, ImportProgress, MailboxSource } from './read-mailbox';

export interface PickedFile {
  /** The path inside a picked folder (webkitRelativePath), else the file name. */
  path: string;
  file: Blob;
}

export type ToImportWorker =
  | { type: 'start'; files: PickedFile[]; fromFolder: boolean; batchSize?: number }
  | { type: 'ack'; seq: number }
  | { type: 'cancel' };

export interface WorkerProgress {
  counts: ImportCounts;
  bytesRead: number;
  totalBytes: number;
  source: string;
  sourceIndex: number;
  sourceCount: number;
}

export type ImportFailure =
  | { kind: 'not-a-mailbox'; source: string; reason: string }
  | { kind: 'no-mailbox-in-folder' }
  | { kind: 'unreadable'; message: string };

export type FromImportWorker =
  | { type: 'progress'; progress: WorkerProgress }
  | { type: 'batch'; seq: number; messages: ImportedMailMessage[]; moves: ThreadMove[]; progress: WorkerProgress }
  | { type: 'done'; progress: WorkerProgress; ignoredFiles: number }
  | { type: 'cancelled'; progress: WorkerProgress }
  | { type: 'failed'; failure: ImportFailure; progress: WorkerProgress };

const PROGRESS_INTERVAL_MS = 100;

/** The worker's side of the protocol; `post` sends to the page. */
export function createImportWorker(post: (message: FromImportWorker) => void) {
  const controller = new AbortController();
  const acks = new Map<number, () => void>();
  let started = false;

  const waitForAck = (seq: number) =>
    new Promise<void>((resolve, reject) => {
      if (controller.signal.aborted) reject(controller.signal.reason);
      acks.set(seq, resolve);
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });

  async function run(files: PickedFile[], fromFolder: boolean, batchSize: number | undefined) {
    let progress: WorkerProgress = {
      counts: { read: 0, imported: 0, duplicates: 0, skippedNoDate: 0, skippedCorrupt: 0 },
      bytesRead: 0,
      totalBytes: files.reduce((sum, f) => sum + f.file.size, 0),
      source: '',
      sourceIndex: 0,
      sourceCount: files.length,
    };
    const snapshot = (p: ImportProgress): WorkerProgress => ({
      counts: { ...p.counts },
      bytesRead: p.bytesRead,
      totalBytes: p.totalBytes ?? progress.totalBytes,
      source: p.source,
      sourceIndex: p.sourceIndex,
      sourceCount: p.sourceCount,
    });
    try {
      const picked = fromFolder ? await mailboxFilesOf(files) : [...files].sort(byPath);
      if (picked.length === 0) throw new NoMailboxError();
      progress = { ...progress, totalBytes: picked.reduce((sum, f) => sum + f.file.size, 0) };
      let lastPost = 0;
      const sources: MailboxSource[] = picked.map(({ path, file }) => ({
        name: path,
        size: file.size,
        open: () => file.stream(),
      }));
      const importing = importMailbox(sources, {
        signal: controller.signal,
        ...(batchSize ? { batchSize } : {}),
        onProgress: (p) => {
          progress = snapshot(p);
          const now = Date.now();
          if (now - lastPost < PROGRESS_INTERVAL_MS) return;
          lastPost = now;
          post({ type: 'progress', progress });
        },
      });
      // The next batch is read while the previous one is being stored, and handed
      // out only once that one is acknowledged: at most two batches in memory.
      let seq = 0;
      let previous: Promise<void> = Promise.resolve();
      for await (const { messages, moves } of importing) {
        await previous;
        seq += 1;
        progress = { ...progress, counts: { ...importing.counts } };
        post({ type: 'batch', seq, messages, moves, progress });
        previous = waitForAck(seq);
        // Awaited on the next turn; until then a cancel must not count as unhandled.
        previous.catch(() => undefined);
      }
      await previous;
      progress = { ...progress, counts: { ...importing.counts } };
      post({ type: 'done', progress, ignoredFiles: files.length - picked.length });
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', progress });
      else post({ type: 'failed', failure: failureOf(error), progress });
    }
  }

  return {
    receive(message: ToImportWorker): void {
      if (message.type === 'start' && !started) {
        started = true;
        void run(message.files, message.fromFolder, message.batchSize);
      } else if (message.type === 'ack') {
        acks.get(message.seq)?.();
        acks.delete(message.seq);
      } else if (message.type === 'cancel') {
        controller.abort(new DOMException('The import was cancelled', 'AbortError'));
      }
    },
  };
}

class NoMailboxError extends Error {}

function failureOf(error: unknown): ImportFailure {
  if (error instanceof NotAMailboxError)
    return { kind: 'not-a-mailbox', source: error.sourceName, reason: error.reason };
  if (error instanceof NoMailboxError) return { kind: 'no-mailbox-in-folder' };
  return { kind: 'unreadable', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The files of a picked folder that hold mail, recognised by their first bytes
 * as the command line does (exports name mailboxes freely); hidden files are
 * system or index files, never mail.
 */
async function mailboxFilesOf(files: PickedFile[]): Promise<PickedFile[]> {
  const kept: PickedFile[] = [];
  for (const picked of files) {
    if (picked.path.split('/').some((segment) => segment.startsWith('.'))) continue;
    const head = new Uint8Array(await picked.file.slice(0, SNIFF_BYTES).arrayBuffer());
    if (detectMailboxFormat(head).format !== null) kept.push(picked);
  }
  return kept.sort(byPath);
}

/** Folder by folder, names in code-unit order: the order the command line reads a folder in. */
export function byPath(a: PickedFile, b: PickedFile): number {
  const left = a.path.split('/');
  const right = b.path.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
