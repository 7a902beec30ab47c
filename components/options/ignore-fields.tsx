import { useTranslator } from '@/lib/ui/use-translator';
import type { DraftProps } from './hours-fields';
import { ListField } from './list-field';

/** Senders and domains that are never clients, one per line. */
export function IgnoreFields({ draft, errors, update }: DraftProps) {
  const { t } = useTranslator();
  return (
    <fieldset className="kw-group">
      <legend>{t('options.ignore.title')}</legend>
      <ListField
        id="ignoredSenders"
        label={t('options.ignore.senders')}
        hint={t('options.ignore.sendersHint')}
        error={errors.ignoredSenders}
        rows={3}
        value={draft.ignoredSenders}
        onChange={(ignoredSenders) => update({ ignoredSenders })}
      />
      <ListField
        id="ignoredDomains"
        label={t('options.ignore.domains')}
        hint={t('options.ignore.domainsHint')}
        error={errors.ignoredDomains}
        rows={3}
        value={draft.ignoredDomains}
        onChange={(ignoredDomains) => update({ ignoredDomains })}
      />
    </fieldset>
  );
}
