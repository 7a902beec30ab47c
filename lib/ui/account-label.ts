import type { AccountStatus } from '@/lib/features/status/messages';
import type { Translator } from '@/lib/i18n/translate';

/**
 * How a watched account is named in the popup and options: its address, where
 * Gmail shows it, and when and how much of its mail was imported. An account
 * known only from an import has no place in Gmail yet.
 */
export function accountLabel(account: AccountStatus, { t, date, language }: Translator): string {
  const name = account.address ?? t('status.accountWithoutAddress');
  const details: string[] = [];
  if (account.accountPath) details.push(account.accountPath);
  if (account.imported) {
    const count = new Intl.NumberFormat(language).format(account.imported.messages);
    details.push(t('status.imported', { date: date(account.imported.at), count }));
  }
  return details.length > 0 ? `${name} (${details.join('; ')})` : name;
}
