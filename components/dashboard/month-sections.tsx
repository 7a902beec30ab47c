import { useMemo } from 'react';
import type { MonthFigures } from '@/lib/engine/dashboard';
import type { DashboardFormat } from '@/lib/ui/dashboard-format';
import { useTranslator } from '@/lib/ui/use-translator';
import { ChartSection } from './chart-section';
import { type Column, FiguresTable } from './figures-table';
import type { ChartSeries } from './month-chart';

const BLUE = '#1a73e8';
const GREEN = '#1e8e3e';
const RED = '#d93025';
const ORANGE = '#e37400';
const HOUR = 3_600_000;

type Translate = ReturnType<typeof useTranslator>['t'];

interface MonthSectionsProps {
  months: MonthFigures[];
  format: DashboardFormat;
}

/** The four month charts' series, from the same figures as their tables. */
function monthCharts(months: MonthFigures[], format: DashboardFormat, t: Translate) {
  const labels = months.map((m) => format.monthShort(m.start));
  const values = (pick: (m: MonthFigures) => number | undefined) => months.map((m) => pick(m) ?? null);
  const line = (label: string, color: string, pick: (m: MonthFigures) => number | undefined): ChartSeries => ({
    label,
    color,
    values: values(pick),
  });
  const bar = (label: string, color: string, side: -1 | 1, pick: (m: MonthFigures) => number): ChartSeries => ({
    ...line(label, color, pick),
    bars: side,
  });
  const hours = (ms: number | undefined) => (ms === undefined ? undefined : ms / HOUR);
  return {
    active: { labels, format: format.count, series: [bar(t('dashboard.col.active'), BLUE, 1, (m) => m.active)] },
    flow: {
      labels,
      format: format.count,
      series: [
        bar(t('dashboard.col.gained'), GREEN, -1, (m) => m.gained),
        bar(t('dashboard.col.quiet'), RED, 1, (m) => m.quiet),
        line(t('dashboard.col.returned'), BLUE, (m) => m.returned),
      ],
    },
    value: {
      labels,
      format: format.value,
      series: [
        bar(t('dashboard.col.gainedValue'), GREEN, -1, (m) => m.gainedValue),
        bar(t('dashboard.col.quietValue'), RED, 1, (m) => m.quietValue),
        line(t('dashboard.col.returnedValue'), BLUE, (m) => m.returnedValue),
      ],
    },
    replies: {
      labels,
      format: format.hours,
      series: [
        line(`${t('dashboard.col.ourMedian')}, ${t('dashboard.series.hours')}`, BLUE, (m) => hours(m.ourMedianReplyMs)),
        line(`${t('dashboard.col.theirMedian')}, ${t('dashboard.series.hours')}`, ORANGE, (m) =>
          hours(m.theirMedianReplyMs),
        ),
      ],
    },
  };
}

/** Active clients, gained and gone quiet, their value and the reply times, month by month. */
export function MonthSections({ months, format }: MonthSectionsProps) {
  const { t } = useTranslator();
  const charts = useMemo(() => monthCharts(months, format, t), [months, format, t]);

  const month: Column<MonthFigures> = { header: t('dashboard.col.month'), cell: (m) => format.month(m.start) };
  const count = (header: string, pick: (m: MonthFigures) => number): Column<MonthFigures> => ({
    header,
    numeric: true,
    raw: pick,
    cell: (m) => format.count(pick(m)),
  });
  const value = (header: string, pick: (m: MonthFigures) => number): Column<MonthFigures> => ({
    header,
    numeric: true,
    raw: pick,
    cell: (m) => format.value(pick(m)),
  });
  const table = (testId: string, caption: string, columns: Column<MonthFigures>[]) => (
    <FiguresTable
      caption={caption}
      columns={[month, ...columns]}
      rows={months}
      rowKey={(m) => m.month}
      testId={testId}
    />
  );
  return (
    <>
      <ChartSection id="active" title={t('dashboard.active.title')} chart={charts.active}>
        {table('table-active', t('dashboard.active.title'), [count(t('dashboard.col.active'), (m) => m.active)])}
      </ChartSection>
      <ChartSection id="flow" title={t('dashboard.flow.title')} chart={charts.flow}>
        {table('table-flow', t('dashboard.flow.title'), [
          count(t('dashboard.col.gained'), (m) => m.gained),
          count(t('dashboard.col.returned'), (m) => m.returned),
          count(t('dashboard.col.quiet'), (m) => m.quiet),
        ])}
      </ChartSection>
      <ChartSection id="value" title={t('dashboard.value.title')} hint={t('dashboard.def.value')} chart={charts.value}>
        {table('table-value', t('dashboard.value.title'), [
          value(t('dashboard.col.gainedValue'), (m) => m.gainedValue),
          value(t('dashboard.col.returnedValue'), (m) => m.returnedValue),
          value(t('dashboard.col.quietValue'), (m) => m.quietValue),
        ])}
      </ChartSection>
      <ChartSection
        id="replies"
        title={t('dashboard.replies.title')}
        hint={t('dashboard.def.replies')}
        chart={charts.replies}
      >
        {table('table-replies', t('dashboard.replies.title'), [
          {
            header: t('dashboard.col.ourMedian'),
            numeric: true,
            raw: (m) => m.ourMedianReplyMs,
            cell: (m) => format.duration(m.ourMedianReplyMs),
          },
          count(t('dashboard.col.ourReplies'), (m) => m.ourReplies),
          {
            header: t('dashboard.col.theirMedian'),
            numeric: true,
            raw: (m) => m.theirMedianReplyMs,
            cell: (m) => format.duration(m.theirMedianReplyMs),
          },
          count(t('dashboard.col.theirReplies'), (m) => m.theirReplies),
        ])}
      </ChartSection>
    </>
  );
}
