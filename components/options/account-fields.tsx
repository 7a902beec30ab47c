import type { UserSettings } from '@/lib/settings/user-settings';
import { type AccountDraft, accountDraftOf } from '@/lib/ui/settings-form';
import { useTranslator } from '@/lib/ui/use-translator';
import { DashboardLinks } from '../dashboard/dashboard-links';
import type { DraftProps } from './hours-fields';
import { ListField } from './list-field';

/** Per Gmail account: the user's other addresses and their colleagues' domains. */
export function AccountFields({
  draft,
  errors,
  update,
  accounts,
  settings,
}: DraftProps & { accounts: readonly string[]; settings: UserSettings }) {
  const { t } = useTranslator();
  const change = (account: string, patch: Partial<AccountDraft>) =>
    update({
      accounts: {
        ...draft.accounts,
        [account]: { ...(draft.accounts[account] ?? accountDraftOf(settings, account)), ...patch },
      },
    });
  return (
    <fieldset className="kw-group">
      <legend>{t('options.accounts.title')}</legend>
      {accounts.length === 0 ? <p className="kw-hint">{t('options.accounts.none')}</p> : null}
      {accounts.map((account) => {
        const value = draft.accounts[account] ?? accountDraftOf(settings, account);
        const id = `accounts.${account}`;
        return (
          <div key={account} className="kw-account">
            <h3 translate="no">{account}</h3>
            <DashboardLinks accounts={[account]} />
            <ListField
              id={`${id}.aliases`}
              label={t('options.accounts.aliases', { account })}
              hint={t('options.accounts.aliasesHint')}
              error={errors[`${id}.aliases`]}
              rows={2}
              value={value.aliases}
              onChange={(aliases) => change(account, { aliases })}
            />
            <ListField
              id={`${id}.internalDomains`}
              label={t('options.accounts.internalDomains', { account })}
              hint={t('options.accounts.internalDomainsHint')}
              error={errors[`${id}.internalDomains`]}
              rows={2}
              value={value.internalDomains}
              onChange={(internalDomains) => change(account, { internalDomains })}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
