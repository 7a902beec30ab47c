import { type ReactNode, useMemo } from 'react';
import { QUIET_AFTER_DAYS } from '@/lib/engine/active-spans';
import type { Dashboard } from '@/lib/engine/dashboard';
import { dashboardFormat } from '@/lib/ui/dashboard-format';
import { useTranslator } from '@/lib/ui/use-translator';
import { AtRiskSection } from './at-risk-section';
import { CohortSection } from './cohort-section';
import { MonthSections } from './month-sections';
import './dashboard.css';

interface DashboardViewProps {
  dashboard: Dashboard;
  account: string;
  timeZone: string;
  /** The account has no client yet: the months are all empty. */
  empty: boolean;
  onExport: () => void;
  onOpenClient: (key: string) => void;
  /** The Mine/Team switch, when a team is connected. */
  scopeSwitch?: ReactNode;
}

function Definitions() {
  const { t } = useTranslator();
  const days = { days: QUIET_AFTER_DAYS };
  return (
    <details className="kw-dash-definitions" data-testid="definitions" open>
      <summary>{t('dashboard.definitions')}</summary>
      <ul>
        <li>{t('dashboard.def.active', days)}</li>
        <li>{t('dashboard.def.gained')}</li>
        <li>{t('dashboard.def.returned')}</li>
        <li>{t('dashboard.def.quiet', days)}</li>
      </ul>
    </details>
  );
}

/** The dashboard of gains and losses of one account (or, given a team's list, of a team). */
export function DashboardView({
  dashboard,
  account,
  timeZone,
  empty,
  onExport,
  onOpenClient,
  scopeSwitch,
}: DashboardViewProps) {
  const translator = useTranslator();
  const { t } = translator;
  const format = useMemo(() => dashboardFormat(translator, timeZone), [translator, timeZone]);
  return (
    <main className="kw-page kw-dashboard" data-testid="dashboard" data-now={dashboard.now} data-time-zone={timeZone}>
      <header className="kw-dash-header">
        <div>
          <h1>
            {t('dashboard.title')} · <span translate="no">{account}</span>
          </h1>
          <p className="kw-muted">{t('dashboard.asOf', { time: translator.dateTime(dashboard.now), timeZone })}</p>
        </div>
        <p className="kw-dash-now" data-testid="active-now" data-value={dashboard.activeNow}>
          <span className="kw-muted">{t('dashboard.activeNow')}</span>
          <strong>{format.count(dashboard.activeNow)}</strong>
        </p>
        {scopeSwitch}
        <button type="button" onClick={onExport} data-testid="export-csv">
          {t('dashboard.exportCsv')}
        </button>
      </header>
      {empty && (
        <p className="kw-warning" data-testid="dashboard-empty">
          {t('dashboard.empty')}
        </p>
      )}
      {dashboard.historyStartsAt !== undefined && dashboard.historyStartsAt >= (dashboard.months[0]?.start ?? 0) && (
        <p className="kw-muted" data-testid="history-starts">
          {t('dashboard.historyStarts', {
            date: translator.date(dashboard.historyStartsAt),
            month: format.month(dashboard.historyStartsAt),
          })}
        </p>
      )}
      <Definitions />
      <MonthSections months={dashboard.months} format={format} />
      <AtRiskSection clients={dashboard.atRisk} format={format} onOpenClient={onOpenClient} />
      <CohortSection cohorts={dashboard.cohorts} months={dashboard.months} format={format} />
    </main>
  );
}
