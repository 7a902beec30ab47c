import { useState } from 'react';
import { sendToBackground } from '@/lib/messaging/send';
import type { BacktestState } from './backtest-state';

/** Runs the backtest of an account in the background and follows it. */
export function useBacktest(): { state: BacktestState; run(account: string): void } {
  const [state, setState] = useState<BacktestState>({ kind: 'idle' });
  const run = (account: string) => {
    setState({ kind: 'running', account });
    sendToBackground({ type: 'ui/run-backtest', account }).then(
      (backtest) => setState({ kind: 'done', account, backtest }),
      (error: unknown) => setState({ kind: 'failed', account, error: String(error) }),
    );
  };
  return { state, run };
}
