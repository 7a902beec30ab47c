// The background's side of the backtest: reads the account's stored mail and
// replays it a cut at a time, yielding between cuts so the worker keeps
// answering the pages (badges, imports) while it runs.
import { engineContext } from '@/lib/background/engine-context';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { type Backtest, startBacktest } from '@/lib/engine/risk-model/account-backtest';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { KeepwarmDb } from '@/lib/store/db';
import { accountMessages } from './account-messages';
import type { backtestMessages, backtestReplies } from './messages';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The backtest of one account's stored mail, with the user's identity, corrections and working day. */
export async function runAccountBacktest(
  db: KeepwarmDb,
  account: string,
  pause: () => Promise<void> = nextTask,
): Promise<Backtest> {
  const context = await engineContext(db, account);
  const run = startBacktest({
    messages: await accountMessages(db, account),
    identity: context.identity,
    overrides: context.overrides,
    settings: context.settings,
  });
  for (let i = 0; i < run.cuts.length; i++) {
    run.replayCut(i);
    await pause();
  }
  return run.result();
}

type BacktestHandlers = HandlersOf<typeof backtestMessages, typeof backtestReplies>;

/** The backtest's handlers; asking again while one account's backtest runs waits for that one. */
export function backtestFeature({ db }: Pick<BackgroundServices, 'db'>): BackgroundFeature<BacktestHandlers> {
  const running = new Map<string, Promise<Backtest>>();
  return {
    handlers: {
      'ui/run-backtest': async ({ account }) => {
        const known = running.get(account);
        if (known) return known;
        const run = runAccountBacktest(db, account).finally(() => running.delete(account));
        running.set(account, run);
        return run;
      },
    },
  };
}
