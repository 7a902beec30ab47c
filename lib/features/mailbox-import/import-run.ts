// The page's side of an import: starts the worker, passes each batch to the
// background and acknowledges it to the worker only once the background has
// stored it, and keeps the state the progress bar shows.

import type { FromImportWorker, PickedFile, ToImportWorker } from '@/lib/mail-import/import-worker';
import type { ImportedMailMessage, ThreadMove } from '@/lib/mail-import/mailbox-batches';
import type { ReplyTo } from '@/lib/messaging/schemas';
import { BackgroundRefusedError, BackgroundStorageFullError } from '@/lib/messaging/send';
import type { ImportState, PageImportFailure } from './import-progress';

export interface WorkerPort {
  postMessage(message: ToImportWorker): void;
  onmessage: ((event: { data: FromImportWorker }) => void) | null;
  terminate(): void;
}

/**
 * How long to wait before sending an unanswered batch again. The browser
 * stops an extension's service worker when it likes; the next message starts
 * it again, and storing a batch twice changes nothing, so the import carries on.
 */
export const RESEND_DELAYS_MS = [250, 1000, 2000, 4000];

/**
 * A batch not answered in this time counts as unanswered and is sent again.
 * Storing one takes well under a second; even behind a full recompute of a
 * large account it takes seconds, so this only catches an answer that was lost.
 */
export const ANSWER_TIMEOUT_MS = 60_000;

/** The answer, or a rejection once `ms` passed without one. */
function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the background did not answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

export interface ImportRun {
  cancel(): void;
  /** Settles with the final state; never rejects. */
  finished: Promise<ImportState>;
}

export interface StartImportOptions {
  files: PickedFile[];
  fromFolder: boolean;
  account: string;
  worker: WorkerPort;
  sendBatch: (
    account: string,
    messages: ImportedMailMessage[],
    moves: ThreadMove[],
  ) => Promise<ReplyTo<'ui/import-batch'>>;
  /** Tells the background the import ended, so the clients' reports follow at once. */
  sendEnded: (account: string) => Promise<unknown>;
  onState: (state: ImportState) => void;
  now?: () => number;
  batchSize?: number;
  /** Waits before each resend; real time unless a test says otherwise. */
  sleep?: (ms: number) => Promise<void>;
  answerTimeoutMs?: number;
}

function failureOf(error: unknown): PageImportFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BackgroundStorageFullError) return { kind: 'storage-full', message };
  if (error instanceof BackgroundRefusedError) return { kind: 'unreadable', message };
  return { kind: 'interrupted', message };
}

/** The state before the worker read anything: every count at zero, the files' total size known. */
function initialImportState({ account, files }: StartImportOptions, startedAt: number): ImportState {
  return {
    phase: 'running',
    account,
    startedAt,
    updatedAt: startedAt,
    progress: {
      counts: { read: 0, imported: 0, duplicates: 0, skippedNoDate: 0, skippedCorrupt: 0 },
      bytesRead: 0,
      totalBytes: files.reduce((sum, f) => sum + f.file.size, 0),
      source: '',
      sourceIndex: 0,
      sourceCount: files.length,
    },
    stored: 0,
    added: 0,
    storedEarlier: 0,
    clients: 0,
    ignoredFiles: 0,
    resent: 0,
  };
}

/** Sends a batch until the background answers, after each delay of RESEND_DELAYS_MS; `onResend` counts each retry. */
async function sendBatchResending(
  options: StartImportOptions,
  messages: ImportedMailMessage[],
  moves: ThreadMove[],
  onResend: () => void,
): Promise<ReplyTo<'ui/import-batch'>> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await answerWithin(
        options.sendBatch(options.account, messages, moves),
        options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS,
      );
    } catch (error) {
      // A refused batch or a full disk fails the same way however often it is sent.
      const final = error instanceof BackgroundRefusedError || error instanceof BackgroundStorageFullError;
      const delay = RESEND_DELAYS_MS[attempt];
      if (final || delay === undefined) throw error;
      onResend();
      await sleep(delay);
    }
  }
}

export function startMailboxImport(options: StartImportOptions): ImportRun {
  const { worker, account, onState } = options;
  const now = options.now ?? Date.now;
  const clientKeys = new Set<string>();
  let state = initialImportState(options, now());
  let settle: (state: ImportState) => void = () => undefined;
  const finished = new Promise<ImportState>((resolve) => {
    settle = resolve;
  });
  const update = (patch: Partial<ImportState>) => {
    // Once cancelling, a late progress report must not bring the phase back.
    const phase = state.phase === 'cancelling' && patch.phase === 'running' ? 'cancelling' : patch.phase;
    state = { ...state, ...patch, phase: phase ?? state.phase, updatedAt: now() };
    onState(state);
  };
  const end = (patch: Partial<ImportState>) => {
    update(patch);
    worker.onmessage = null;
    worker.terminate();
    // Not awaited, and a lost answer is fine: the background then recomputes after its own pause.
    if (state.stored > 0) options.sendEnded(account).catch(() => undefined);
    settle(state);
  };

  worker.onmessage = ({ data }) => {
    switch (data.type) {
      case 'progress':
        update({ progress: data.progress });
        return;
      case 'batch':
        update({ progress: data.progress });
        sendBatchResending(options, data.messages, data.moves, () => update({ resent: state.resent + 1 }))
          .then((reply) => {
            for (const key of reply.clientKeys) clientKeys.add(key);
            update({
              stored: state.stored + data.messages.length - reply.duplicates,
              added: state.added + reply.added,
              storedEarlier: state.storedEarlier + reply.duplicates,
              clients: clientKeys.size,
            });
            worker.postMessage({ type: 'ack', seq: data.seq });
          })
          .catch((error: unknown) => end({ phase: 'failed', failure: failureOf(error) }));
        return;
      case 'done':
        end({ phase: 'done', progress: data.progress, ignoredFiles: data.ignoredFiles });
        return;
      case 'cancelled':
        end({ phase: 'cancelled', progress: data.progress });
        return;
      case 'failed':
        end({ phase: 'failed', progress: data.progress, failure: data.failure });
        return;
    }
  };
  worker.postMessage({
    type: 'start',
    files: options.files,
    fromFolder: options.fromFolder,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  onState(state);

  return {
    cancel() {
      if (state.phase !== 'running') return;
      update({ phase: 'cancelling' });
      worker.postMessage({ type: 'cancel' });
    },
    finished,
  };
}
