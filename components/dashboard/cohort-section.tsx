import { useMemo } from 'react';
import type { CohortFigures, MonthFigures } from '@/lib/engine/dashboard';
import type { DashboardFormat } from '@/lib/ui/dashboard-format';
import { useTranslator } from '@/lib/ui/use-translator';
import { ChartSection } from './chart-section';
import { type Column, FiguresTable } from './figures-table';

interface CohortSectionProps {
  cohorts: CohortFigures[];
  /** The same months, for their start. */
  months: MonthFigures[];
  format: DashboardFormat;
}

/** The clients of each month's first contact, through their first 90 days and until now. */
export function CohortSection({ cohorts, months, format }: CohortSectionProps) {
  const { t } = useTranslator();
  const startOf = useMemo(() => new Map(months.map((m) => [m.month, m.start])), [months]);
  const chart = useMemo(
    () => ({
      labels: cohorts.map((c) => format.monthShort(startOf.get(c.month) ?? 0)),
      format: format.count,
      series: [
        {
          label: t('dashboard.col.clients'),
          color: '#1a73e8',
          bars: -1 as const,
          values: cohorts.map((c) => c.clients),
        },
        {
          label: t('dashboard.col.activeNow'),
          color: '#1e8e3e',
          bars: 1 as const,
          values: cohorts.map((c) => c.activeNow),
        },
        {
          label: t('dashboard.col.active90'),
          color: '#e37400',
          values: cohorts.map((c) => (c.reached90Days > 0 ? c.activeAt90Days : null)),
        },
      ],
    }),
    [cohorts, startOf, format, t],
  );
  const count = (header: string, pick: (c: CohortFigures) => number): Column<CohortFigures> => ({
    header,
    numeric: true,
    raw: pick,
    cell: (c) => format.count(pick(c)),
  });
  return (
    <ChartSection
      id="cohort"
      title={t('dashboard.cohort.title')}
      hint={t('dashboard.cohort.hint')}
      chart={chart}
      monthLabel={t('dashboard.col.firstContact')}
    >
      <FiguresTable
        caption={t('dashboard.cohort.title')}
        testId="table-cohort"
        rows={cohorts}
        rowKey={(c) => c.month}
        columns={[
          { header: t('dashboard.col.firstContact'), cell: (c) => format.month(startOf.get(c.month) ?? 0) },
          count(t('dashboard.col.clients'), (c) => c.clients),
          count(t('dashboard.col.reached90'), (c) => c.reached90Days),
          count(t('dashboard.col.active90'), (c) => c.activeAt90Days),
          count(t('dashboard.col.activeNow'), (c) => c.activeNow),
        ]}
      />
    </ChartSection>
  );
}
