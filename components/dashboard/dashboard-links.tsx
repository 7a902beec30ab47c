import { useTranslator } from '@/lib/ui/use-translator';

/** The dashboard's page of one account, opened in a tab of its own. */
export const dashboardHref = (account: string) => `/dashboard.html?account=${encodeURIComponent(account)}`;

/** A link to each account's dashboard of gains and losses; named by account when there are several. */
export function DashboardLinks({ accounts }: { accounts: readonly string[] }) {
  const { t } = useTranslator();
  return (
    <>
      {accounts.map((account) => (
        <a
          key={account}
          href={dashboardHref(account)}
          target="_blank"
          rel="noreferrer"
          data-testid="dashboard-link"
          translate={accounts.length > 1 ? 'no' : undefined}
        >
          {accounts.length > 1 ? t('dashboard.openFor', { account }) : t('dashboard.open')}
        </a>
      ))}
    </>
  );
}
