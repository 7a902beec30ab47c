import type { RetentionRun } from '@/lib/data/retention-run';
import type { StorageEstimate } from '@/lib/ui/use-storage-estimate';
import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { DraftProps } from './hours-fields';

export interface RetentionFieldsProps extends DraftProps {
  estimate?: StorageEstimate;
  lastRun?: RetentionRun;
}

function LastRun({ run }: { run: RetentionRun }) {
  const { t, language } = useTranslator();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(run.at);
  if ('error' in run) {
    return (
      <p role="alert" className="kw-error" data-testid="retention-last-run">
        {t('options.storage.lastRunFailed', { when, error: run.error })}
      </p>
    );
  }
  const number = new Intl.NumberFormat(language);
  return (
    <p className="kw-hint" data-testid="retention-last-run">
      {t('options.storage.lastRun', {
        when,
        snippets: number.format(run.snippetsCleared),
        messages: number.format(run.messagesForgotten),
        threads: number.format(run.threadsForgotten),
      })}
    </p>
  );
}

interface MonthsFieldProps extends DraftProps {
  field: 'snippetMonths' | 'forgetMonths';
  max: number;
  label: string;
  hint: string;
}

/** A number of months, 0 meaning "for ever". */
function MonthsField({ field, max, label, hint, draft, errors, update }: MonthsFieldProps) {
  return (
    <Field id={`retention.${field}`} label={label} hint={hint} error={errors[`retention.${field}`]}>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        value={draft[field]}
        onChange={(event) => update({ [field]: event.target.value })}
      />
    </Field>
  );
}

/** How long mail is kept, how much room Keepwarm takes, and what the last cleanup did. */
export function RetentionFields({ draft, errors, update, estimate, lastRun }: RetentionFieldsProps) {
  const { t, language } = useTranslator();
  const bytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <fieldset className="kw-group" id="storage">
      <legend>{t('options.storage.title')}</legend>
      <p className="kw-hint" data-testid="storage-estimate">
        {estimate
          ? t('options.storage.estimate', {
              usage: bytes.format(estimate.usage / 1e6),
              quota: bytes.format(estimate.quota / 1e6),
              percent: percent.format(estimate.usage / estimate.quota),
            })
          : t('options.storage.estimateUnknown')}
      </p>
      <MonthsField
        field="snippetMonths"
        max={120}
        label={t('options.storage.snippetMonths')}
        hint={t('options.storage.snippetHint')}
        draft={draft}
        errors={errors}
        update={update}
      />
      <MonthsField
        field="forgetMonths"
        max={240}
        label={t('options.storage.forgetMonths')}
        hint={t('options.storage.forgetHint')}
        draft={draft}
        errors={errors}
        update={update}
      />
      <p className="kw-hint">{t('options.storage.applied')}</p>
      {lastRun ? <LastRun run={lastRun} /> : null}
    </fieldset>
  );
}
