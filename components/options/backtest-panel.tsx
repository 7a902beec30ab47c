import { useState } from 'react';
import type { Backtest } from '@/lib/engine/risk-model/account-backtest';
import type { BacktestState } from '@/lib/features/backtest/backtest-state';
import { backtestText } from '@/lib/i18n/backtest-text';
import { useTranslator } from '@/lib/ui/use-translator';

export interface BacktestPanelProps {
  /** Addresses of the accounts Keepwarm holds mail for. */
  accounts: string[];
  state: BacktestState;
  onRun(account: string): void;
}

function Result({ backtest }: { backtest: Backtest }) {
  const tr = useTranslator();
  const text = backtestText(tr, backtest);
  return (
    <div data-testid="backtest-result" data-note={backtest.note ?? ''}>
      <p className="kw-backtest-summary" data-testid="backtest-summary">
        {text.summary}
      </p>
      {text.definitions.map((line) => (
        <p key={line} className="kw-hint">
          {line}
        </p>
      ))}
    </div>
  );
}

/** The user's own backtest: pick an account, replay its past with the shipped model, read the figures. */
export function BacktestPanel({ accounts, state, onRun }: BacktestPanelProps) {
  const { t } = useTranslator();
  const [chosen, setChosen] = useState<string>();
  const account = chosen !== undefined && accounts.includes(chosen) ? chosen : accounts[0];
  if (!account) return <p className="kw-muted">{t('backtest.noAccounts')}</p>;
  const running = state.kind === 'running';
  const shown = state.kind !== 'idle' && state.account === account ? state : undefined;
  return (
    <div data-testid="backtest">
      <p className="kw-hint">{t('backtest.intro')}</p>
      <div className="kw-field">
        <label htmlFor="backtest-account">{t('backtest.account')}</label>
        <select
          id="backtest-account"
          translate="no"
          value={account}
          disabled={running}
          onChange={(event) => setChosen(event.target.value)}
        >
          {accounts.map((address) => (
            <option key={address} value={address}>
              {address}
            </option>
          ))}
        </select>
      </div>
      <div className="kw-actions">
        <button type="button" className="kw-button" disabled={running} onClick={() => onRun(account)}>
          {t('backtest.run')}
        </button>
      </div>
      <p role="status" className="kw-muted">
        {shown?.kind === 'running' ? t('backtest.running') : ''}
      </p>
      {shown?.kind === 'failed' ? (
        <p role="alert" className="kw-error">
          {t('backtest.failed', { error: shown.error })}
        </p>
      ) : null}
      {shown?.kind === 'done' ? <Result backtest={shown.backtest} /> : null}
    </div>
  );
}
