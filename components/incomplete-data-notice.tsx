import type { IncompleteAccount } from '@/lib/ui/incomplete-accounts';
import { useTranslator } from '@/lib/ui/use-translator';

const WHAT = { list: 'status.incomplete.list', conversation: 'status.incomplete.conversation' } as const;

/** One line per account whose Gmail pages could not be read well lately, naming the view that failed. */
export function IncompleteDataNotice({ accounts }: { accounts: readonly IncompleteAccount[] }) {
  const { t } = useTranslator();
  if (accounts.length === 0) return null;
  return (
    <div role="status" className="kw-warning" data-testid="incomplete-data">
      {accounts.map(({ address, views }) => (
        <p key={address}>
          {t('status.incomplete', {
            account: address,
            what: t(views.length > 1 ? 'status.incomplete.both' : WHAT[views[0] ?? 'list']),
          })}
        </p>
      ))}
    </div>
  );
}
