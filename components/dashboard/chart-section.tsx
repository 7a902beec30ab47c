import type { ReactNode } from 'react';
import { useTranslator } from '@/lib/ui/use-translator';
import { type ChartSeries, MonthChart } from './month-chart';

interface ChartSectionProps {
  id: string;
  title: string;
  hint?: string;
  chart: { labels: string[]; series: ChartSeries[]; format: (value: number) => string };
  /** What the chart's legend calls a month (the first column's header). */
  monthLabel?: string;
  /** The same numbers as a table. */
  children: ReactNode;
}

/** One chart of the dashboard with its table: the chart for the eye, the table for everyone. */
export function ChartSection({ id, title, hint, chart, monthLabel, children }: ChartSectionProps) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby={id} className="kw-dash-section" data-testid={`section-${id}`}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="kw-muted">{hint}</p>}
      <div className="kw-dash-body">
        <MonthChart {...chart} monthLabel={monthLabel ?? t('dashboard.col.month')} />
        <details className="kw-dash-table" open>
          <summary>{t('dashboard.tableOf', { chart: title })}</summary>
          {children}
        </details>
      </div>
    </section>
  );
}
