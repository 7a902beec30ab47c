import { useTranslator } from '@/lib/ui/use-translator';
import type { DraftProps } from './hours-fields';

/** Whether a deal's value read on a CRM page becomes its client's value. */
export function CrmValueField({ draft, update }: Pick<DraftProps, 'draft' | 'update'>) {
  const { t } = useTranslator();
  return (
    <fieldset className="kw-group">
      <legend>{t('options.crmValue.title')}</legend>
      <div className="kw-field">
        <label className="kw-check">
          <input
            type="checkbox"
            id="crmDealValue"
            checked={draft.crmDealValue}
            aria-describedby="crmDealValue-hint"
            onChange={(event) => update({ crmDealValue: event.target.checked })}
          />
          {t('options.crmValue.label')}
        </label>
        <p id="crmDealValue-hint" className="kw-hint">
          {t('options.crmValue.hint')}
        </p>
      </div>
    </fieldset>
  );
}
