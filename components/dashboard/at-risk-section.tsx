import type { AtRiskClient } from '@/lib/engine/dashboard';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { DashboardFormat } from '@/lib/ui/dashboard-format';
import { useTranslator } from '@/lib/ui/use-translator';
import { type Column, FiguresTable } from './figures-table';

interface AtRiskSectionProps {
  clients: AtRiskClient[];
  format: DashboardFormat;
  /** Shows the client where the user acts on it (the side panel). */
  onOpenClient: (key: string) => void;
}

const TIER: Record<NonNullable<AtRiskClient['tier']>, MessageKey> = {
  key: 'popup.tier.key',
  standard: 'popup.tier.standard',
  minor: 'popup.tier.minor',
};

/** The clients most at risk, weighed by their value; each opens in the side panel. */
export function AtRiskSection({ clients, format, onOpenClient }: AtRiskSectionProps) {
  const { t } = useTranslator();
  const team = clients.some((c) => c.whose.length > 0);
  const columns: Column<AtRiskClient>[] = [
    {
      header: t('dashboard.col.client'),
      cell: (c) => (
        <button
          type="button"
          className="kw-link"
          translate="no"
          aria-label={t('dashboard.openClient', { name: c.name })}
          onClick={() => onOpenClient(c.key)}
        >
          {c.name}
        </button>
      ),
    },
    ...(team
      ? [
          {
            header: t('dashboard.col.whose'),
            cell: (c: AtRiskClient) => <span translate="no">{c.whose.join(', ')}</span>,
          },
        ]
      : []),
    { header: t('dashboard.col.chance'), numeric: true, raw: (c) => c.chance, cell: (c) => format.chance(c.chance) },
    {
      header: t('dashboard.col.value'),
      numeric: true,
      raw: (c) => c.value,
      cell: (c) => (c.value === undefined ? (c.tier ? t(TIER[c.tier]) : '—') : format.value(c.value)),
    },
    {
      header: t('dashboard.col.valueAtRisk'),
      numeric: true,
      raw: (c) => c.valueAtRisk,
      cell: (c) => (c.valueAtRisk === undefined ? '—' : format.value(c.valueAtRisk)),
    },
  ];
  return (
    <section aria-labelledby="at-risk" className="kw-dash-section" data-testid="section-at-risk">
      <h2 id="at-risk">{t('dashboard.atRisk.title')}</h2>
      <p className="kw-muted">{t('dashboard.atRisk.hint')}</p>
      {clients.length === 0 ? (
        <p data-testid="at-risk-none">{t('dashboard.atRisk.none')}</p>
      ) : (
        <FiguresTable
          caption={t('dashboard.atRisk.title')}
          testId="table-at-risk"
          rows={clients}
          rowKey={(c) => c.key}
          columns={columns}
        />
      )}
    </section>
  );
}
