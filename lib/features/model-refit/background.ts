// When the background refits an account's chance on its own past: a minute
// after an import ends (once the import's own recompute has run), and weekly
// for an account with a year of history. One refit runs at a time, and an
// account whose model changed has its reports recomputed with it.
import { DAY } from '@/lib/engine/business-hours';
import { readStoredRiskModel } from '@/lib/engine/risk-model/account-model';
import type { KeepwarmDb } from '@/lib/store/db';
import { historyStart, refitAccount } from './background/refit-account';

export const REFIT_ALARM = 'keepwarm-model-refit';
/** One alarm per account after an import: it outlives a worker stopped meanwhile. */
export const AFTER_IMPORT_ALARM = 'keepwarm-model-refit-after-import:';
const WEEK_MINUTES = 7 * 24 * 60;
/** The weekly refit waits for this much history; an import asks for one whatever its span. */
const HISTORY_NEEDED = 365 * DAY;
/** A choice younger than this is not made again by the weekly alarm (alarms drift, the worker restarts). */
const FRESH_FOR = 6 * DAY;

export interface ModelRefitDeps {
  db: KeepwarmDb;
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
    get(name: string): Promise<unknown>;
  };
  /** Recomputes the account's reports after its model changed. */
  recompute(account: string): Promise<void>;
  now?: () => number;
  refit?: typeof refitAccount;
}

export function modelRefitFeature({ db, alarms, recompute, now = Date.now, refit = refitAccount }: ModelRefitDeps) {
  let queue: Promise<void> = Promise.resolve();
  const refitOne = (account: string): Promise<void> => {
    queue = queue
      .then(async () => {
        const { changed } = await refit(db, account, now());
        if (changed) await recompute(account);
      })
      .catch((error: unknown) => console.error('Keepwarm: the refit on the account’s own mail failed', error));
    return queue;
  };

  const isDue = async (account: string, stored: unknown): Promise<boolean> => {
    const record = readStoredRiskModel(stored);
    if (record && now() - record.decidedAt < FRESH_FOR) return false;
    const start = await historyStart(db, account);
    return start !== undefined && now() - start >= HISTORY_NEEDED;
  };

  const refitDue = async () => {
    for (const { address, riskModel } of await db.accounts.toArray()) {
      if (await isDue(address, riskModel)) await refitOne(address);
    }
  };

  return {
    /** The refit answers no message: imports and the weekly alarm start it. */
    handlers: {},
    /** Runs the work of one of the feature's alarms; false for another feature's alarm. */
    async onAlarm(name: string): Promise<boolean> {
      if (name === REFIT_ALARM) await refitDue();
      else if (name.startsWith(AFTER_IMPORT_ALARM)) await refitOne(name.slice(AFTER_IMPORT_ALARM.length));
      else return false;
      return true;
    },
    afterImport(account: string): void {
      alarms.create(`${AFTER_IMPORT_ALARM}${account}`, { delayInMinutes: 1 });
    },
    /** Created once: making it again at every worker start would push the weekly run back each time. */
    async start(): Promise<void> {
      try {
        if (!(await alarms.get(REFIT_ALARM))) alarms.create(REFIT_ALARM, { periodInMinutes: WEEK_MINUTES });
      } catch (error) {
        console.error('Keepwarm: could not set the weekly refit', error);
      }
    },
  };
}
