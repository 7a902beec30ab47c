import type { Backtest } from '@/lib/engine/risk-model/account-backtest';

/** Where the options page's backtest of one account stands. */
export type BacktestState =
  | { kind: 'idle' }
  | { kind: 'running'; account: string }
  | { kind: 'done'; account: string; backtest: Backtest }
  | { kind: 'failed'; account: string; error: string };
