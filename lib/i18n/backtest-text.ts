// The backtest's figures in the reader's language: the options page's panel
// and `keepwarm backtest` both say them with these functions.
import type { Backtest } from '@/lib/engine/risk-model/account-backtest';
import type { Translator } from './translate';

export interface BacktestText {
  /** The headline: the figures, or plainly why there are none. */
  summary: string;
  /** What "flagged", "gone" and "false alarm" mean, and what was replayed. */
  definitions: string[];
}

export function backtestText(tr: Translator, backtest: Backtest): BacktestText {
  const { t } = tr;
  const decimal = new Intl.NumberFormat(tr.language, { maximumFractionDigits: 1 });
  const falseAlarms = decimal.format(backtest.falseAlarmsPerMonth ?? 0);
  const figures = {
    wentQuiet: backtest.wentQuiet,
    flagged: backtest.flaggedInTime,
    falseAlarms,
    lead: tr.days(backtest.medianLeadDays ?? 0),
  };
  const summary = backtest.note
    ? t(`backtest.note.${backtest.note}`, figures)
    : t(backtest.flaggedInTime > 0 ? 'backtest.summary' : 'backtest.summaryNoneFlagged', figures);
  const definitions = [
    t('backtest.definitions', { percent: `${backtest.flagged.fromPercent}%`, horizon: backtest.model.horizonDays }),
  ];
  if (backtest.firstCut !== undefined && backtest.lastCut !== undefined) {
    definitions.push(
      t('backtest.replayed', {
        months: decimal.format(backtest.months),
        from: tr.date(backtest.firstCut),
        to: tr.date(backtest.lastCut),
        commit: backtest.model.commit.slice(0, 7),
      }),
    );
  }
  return { summary, definitions };
}
