import type { UserSettings } from '@/lib/settings/user-settings';
import { type AccountDraft, accountDraftOf } from '@/lib/ui/settings-form';
import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { DraftProps } from './hours-fields';

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
            <Field
              id={`${id}.aliases`}
              label={t('options.accounts.aliases', { account })}
              hint={t('options.accounts.aliasesHint')}
              error={errors[`${id}.aliases`]}
            >
              <textarea
                rows={2}
                spellCheck={false}
                value={value.aliases}
                onChange={(event) => change(account, { aliases: event.target.value })}
              />
            </Field>
            <Field
              id={`${id}.internalDomains`}
              label={t('options.accounts.internalDomains', { account })}
              hint={t('options.accounts.internalDomainsHint')}
              error={errors[`${id}.internalDomains`]}
            >
              <textarea
                rows={2}
                spellCheck={false}
                value={value.internalDomains}
                onChange={(event) => change(account, { internalDomains: event.target.value })}
              />
            </Field>
          </div>
        );
      })}
    </fieldset>
  );
}
