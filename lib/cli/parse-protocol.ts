// What the command line's two parsing threads tell each other (parallel-read.ts, parse-worker.ts).
import type { AccountIdentity } from '@/lib/engine/types';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import type { MailboxFile } from './whole-file-sources';

export interface ParseJob {
  files: MailboxFile[];
  identity?: AccountIdentity;
  /** One flag per file, set by whichever thread claims it first (Atomics.compareExchange from 0). */
  claims: Int32Array;
}

/** What the parse of one file counted, besides the messages it hands on. */
export interface FileCounts {
  read: number;
  skippedNoDate: number;
  skippedCorrupt: number;
}

export type ParseReply =
  | { kind: 'file'; index: number; messages: ImportedMessage[]; counts: FileCounts }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

export const CLAIMED_BY_MAIN = 1;
export const CLAIMED_BY_WORKER = 2;
