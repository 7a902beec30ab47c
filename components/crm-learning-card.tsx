import { useState } from 'react';
import type { StoredCrmLearning } from '@/lib/data/stored-rows';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  learning: StoredCrmLearning;
  /** Whether the deal amount is the client's value now (allowed in the options, no value typed). */
  amountInUse: boolean;
  onForget: () => Promise<void>;
}

function amountText(amount: { value: number; currency?: string }, language: string): string {
  const style = amount.currency ? { style: 'currency' as const, currency: amount.currency } : {};
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0, ...style }).format(amount.value);
}

/** What the user's CRM taught about a client, every part of it explained and undone with one click. */
export function CrmLearningCard({ learning, amountInUse, onForget }: Props) {
  const { t, date, language } = useTranslator();
  const [status, setStatus] = useState('');
  const lastActivity = learning.activities.at(-1);
  const forget = () => {
    setStatus(t('panel.saving'));
    onForget().catch((error: unknown) => setStatus(t('panel.saveFailed', { error: String(error) })));
  };
  return (
    <section className="kw-card" data-testid="crm-learning" aria-labelledby="kw-crm-learning">
      <h2 id="kw-crm-learning">{t('crmPanel.title')}</h2>
      <ul className="kw-plain">
        {learning.watched ? <li>{t('crmPanel.watched')}</li> : null}
        {learning.addresses.length > 0 ? (
          <li>
            {t('crmPanel.addresses')}
            <bdi>{learning.addresses.join(', ')}</bdi>
          </li>
        ) : null}
        {learning.domain ? <li>{t('crmPanel.domain', { domain: learning.domain })}</li> : null}
        {lastActivity !== undefined ? (
          <li>{t('crmPanel.activities', { count: learning.activities.length, date: date(lastActivity) })}</li>
        ) : null}
        {learning.amount ? (
          <li data-testid="crm-amount" data-in-use={amountInUse}>
            {t(amountInUse ? 'crmPanel.amountInUse' : 'crmPanel.amount', {
              amount: amountText(learning.amount, language),
            })}
          </li>
        ) : null}
      </ul>
      <button type="button" data-testid="crm-forget" onClick={forget}>
        {t(learning.watched ? 'crmPanel.unwatch' : 'crmPanel.forget')}
      </button>
      <p role="status" className="kw-muted">
        {status}
      </p>
    </section>
  );
}
