import { useTranslator } from '@/lib/ui/use-translator';

/** One line per account whose Gmail pages could not be read well lately. */
export function IncompleteDataNotice({ accounts }: { accounts: readonly string[] }) {
  const { t } = useTranslator();
  if (accounts.length === 0) return null;
  return (
    <div role="status" className="kw-warning" data-testid="incomplete-data">
      {accounts.map((account) => (
        <p key={account}>{t('status.incomplete', { account })}</p>
      ))}
    </div>
  );
}
