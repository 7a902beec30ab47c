// The refit of one account's chance on its own past, in the background: its
// samples read a client at a time from the store, a bounded subset of a large
// account's clients (lib/engine/risk-model/
// account-samples.ts), the adoption rule run on them, and the choice stored
// beside the account. The work yields between chunks of the walk and between
// cut dates, and gives up past its time limit; a refit that fails or gives up
// leaves the previous choice in place and records only that it failed.
import { engineContext } from '@/lib/background/engine-context';
import { messagesFiledUnder } from '@/lib/background/messages-by-client';
import {
  decideOnAccount,
  readStoredRiskModel,
  type StoredRiskModel,
  storedChoice,
  withFailure,
} from '@/lib/engine/risk-model/account-model';
import { accountCutDates, accountSampleBuilder, clientsToRead } from '@/lib/engine/risk-model/account-samples';
import type { KeepwarmDb } from '@/lib/store/db';

export const REFIT_LIMITS = {
  /**
   * Past this, the refit gives up and the previous model stays: inside the 30
   * seconds a service worker is left alive without an extension event, so a
   * refit too long for the worker ends as one that ran too long, not as a
   * worker stopped halfway.
   */
  timeLimitMs: 25_000,
  /** The longest the refit holds the worker between two yields, as near as a client's messages allow. */
  sliceMs: 50,
};

export class RefitTimeout extends Error {}

/** The start of the account's mail: its 5th percentile of message times, as the evaluation's span reads it (some carry bogus years). */
export async function historyStart(db: KeepwarmDb, account: string): Promise<number | undefined> {
  const byTime = db.messages.where('[account+at]').between([account, -Infinity], [account, Infinity]);
  const count = await byTime.count();
  if (count < 2) return undefined;
  const [key] = await byTime
    .offset(Math.floor(0.05 * (count - 1)))
    .limit(1)
    .keys();
  const at = Array.isArray(key) ? key[1] : undefined;
  return typeof at === 'number' ? at : undefined;
}

export interface RefitOutcome {
  record: StoredRiskModel;
  /** Whether the model the account scores with changed, so its reports are due again. */
  changed: boolean;
}

const sameModel = (a: StoredRiskModel | undefined, b: StoredRiskModel | undefined) =>
  JSON.stringify(a?.choice.source === 'account' ? a.choice : undefined) ===
  JSON.stringify(b?.choice.source === 'account' ? b.choice : undefined);

/**
 * Refits the account on its past as of `now` and stores the choice. `clock`
 * reads elapsed time (injected so a test can make the refit run too long);
 * `yieldToWorker` lets other work run between slices.
 */
export async function refitAccount(
  db: KeepwarmDb,
  account: string,
  now: number,
  clock: () => number = () => performance.now(),
  yieldToWorker: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  limits = REFIT_LIMITS,
): Promise<RefitOutcome> {
  const previous = readStoredRiskModel((await db.accounts.get(account))?.riskModel);
  const started = clock();
  let sliceStarted = started;
  const check = () => {
    if (clock() - started > limits.timeLimitMs) throw new RefitTimeout(`the refit of ${account} ran out of time`);
  };
  const pause = async () => {
    check();
    if (clock() - sliceStarted < limits.sliceMs) return;
    await yieldToWorker();
    sliceStarted = clock();
  };
  let record: StoredRiskModel;
  try {
    const start = await historyStart(db, account);
    const context = await engineContext(db, account);
    const builder = accountSampleBuilder(account, context, start === undefined ? [] : accountCutDates(start, now));
    // The clients of the last full recompute: a client without a report yet joins at the next refit.
    const keys = await db.clients.where('[account+key]').between([account, ''], [account, '\uffff']).primaryKeys();
    for (const key of clientsToRead(keys.map(([, key]) => key))) {
      await pause();
      builder.addClient(key, await messagesFiledUnder(db, account, builder.sourceKeys(key)));
    }
    const samples = await builder.finish(pause);
    await pause();
    record = storedChoice(decideOnAccount(samples), now);
  } catch (error) {
    console.warn('Keepwarm: the refit on the account’s own mail kept the previous model', error);
    record = withFailure(previous, error instanceof RefitTimeout ? 'timed-out' : 'failed', now);
  }
  await db.accounts.update(account, { riskModel: record });
  return { record, changed: !sameModel(previous, record) };
}
