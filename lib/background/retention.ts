import { subMonths } from 'date-fns';
import { z } from 'zod';
import type { RetentionRun } from '@/lib/data/retention-run';
import { type Retention, retentionSchema } from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';
import { markPending } from '@/lib/store/pending-recompute';

export const RETENTION_ALARM = 'keepwarm-retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;

export interface RetentionCutoffs {
  /** Snippets of mail before this time are cleared. */
  snippetsBefore?: number;
  /** Mail before this time is forgotten. */
  forgetBefore?: number;
}

/** Calendar months back from `now`; a setting of 0 keeps everything, so it gives no cutoff. */
export function retentionCutoffs(retention: Retention, now: number): RetentionCutoffs {
  const back = (months: number) => (months > 0 ? subMonths(new Date(now), months).getTime() : undefined);
  return { snippetsBefore: back(retention.snippetMonths), forgetBefore: back(retention.forgetMonths) };
}

export interface RetentionResult {
  snippetsCleared: number;
  messagesForgotten: number;
  threadsForgotten: number;
  /** Per account, the `<account>|<key>` refs of the clients whose history changed. */
  touched: Map<string, Set<string>>;
}

/**
 * Clears old snippets and forgets old mail, one transaction per account: the
 * clients whose history changed are marked for recompute in the same
 * transaction, so a worker stopped right after still recomputes them. The
 * user's follow-up decisions and client corrections are never touched.
 */
export async function applyRetention(db: KeepwarmDb, retention: Retention, now: number): Promise<RetentionResult> {
  const { snippetsBefore, forgetBefore } = retentionCutoffs(retention, now);
  const result: RetentionResult = { snippetsCleared: 0, messagesForgotten: 0, threadsForgotten: 0, touched: new Map() };
  if (snippetsBefore === undefined && forgetBefore === undefined) return result;
  for (const { address: account } of await db.accounts.toArray()) {
    const refs = new Set<string>();
    const collect = (row: { clientRefs: string[] }) => {
      for (const ref of row.clientRefs) refs.add(ref);
    };
    const olderMessages = (before: number) =>
      db.messages.where('[account+at]').between([account, -Infinity], [account, before], true, false);
    const olderThreads = (before: number) =>
      db.threads.where('[account+lastActivityAt]').between([account, -Infinity], [account, before], true, false);
    await db.transaction('rw', db.messages, db.threads, db.recomputeMarks, async () => {
      if (forgetBefore !== undefined) {
        await olderMessages(forgetBefore).each(collect);
        result.messagesForgotten += await olderMessages(forgetBefore).delete();
        await olderThreads(forgetBefore).each(collect);
        result.threadsForgotten += await olderThreads(forgetBefore).delete();
      }
      if (snippetsBefore !== undefined) {
        result.snippetsCleared += await olderMessages(snippetsBefore)
          .filter((message) => message.snippet !== '')
          .modify((message) => {
            collect(message);
            message.snippet = '';
          });
        await olderThreads(snippetsBefore)
          .filter((thread) => thread.snippet !== '')
          .modify((thread) => {
            thread.snippet = '';
          });
      }
      await markPending(db, account, refs);
    });
    if (refs.size > 0) result.touched.set(account, refs);
  }
  return result;
}

export interface RetentionJob {
  /** Recomputes the clients of one account whose history changed. */
  recompute(account: string, refs: Set<string>): Promise<void>;
  /** Runs the cleanup's writes; the background passes its storage guard. */
  guard?<T>(write: () => Promise<T>): Promise<T>;
}

/**
 * The daily cleanup, also run when the user changes how long mail is kept.
 * Reads the retention settings on their own, so another field gone bad does
 * not stop it; when they themselves are bad it deletes nothing and says why.
 * Never throws: the outcome is returned to be shown in the options page.
 */
export async function runRetention(db: KeepwarmDb, now: number, job: RetentionJob): Promise<RetentionRun> {
  try {
    const row = await db.settings.get('user');
    const parsed = retentionSchema.safeParse(row?.settings.retention ?? {});
    if (!parsed.success) {
      return {
        at: now,
        error: `retention settings are invalid, nothing was deleted: ${z.prettifyError(parsed.error)}`,
      };
    }
    const guard = job.guard ?? (<T>(write: () => Promise<T>) => write());
    const result = await guard(() => applyRetention(db, parsed.data, now));
    for (const [account, refs] of result.touched) await job.recompute(account, refs);
    const { snippetsCleared, messagesForgotten, threadsForgotten } = result;
    return { at: now, snippetsCleared, messagesForgotten, threadsForgotten };
  } catch (error) {
    return { at: now, error: error instanceof Error ? error.message : String(error) };
  }
}
