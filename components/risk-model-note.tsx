import { riskModelNote } from '@/lib/ui/risk-model-note';
import { useTranslator } from '@/lib/ui/use-translator';

export interface AccountModel {
  address: string;
  riskModel?: unknown;
}

/** Which model each account's chance comes from and why; the account is named when there are several. */
export function RiskModelNote({ accounts }: { accounts: readonly AccountModel[] }) {
  const { t } = useTranslator();
  if (accounts.length === 0) return null;
  return (
    <div className="kw-muted" data-testid="risk-model-note">
      {accounts.map(({ address, riskModel }) => {
        const note = riskModelNote(riskModel)
          .map(({ key, params }) => t(key, params))
          .join(' ');
        return <p key={address}>{accounts.length > 1 ? t('riskModel.ofAccount', { account: address, note }) : note}</p>;
      })}
    </div>
  );
}
