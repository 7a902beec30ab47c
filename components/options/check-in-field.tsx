import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { DraftProps } from './hours-fields';

/** The chance of going quiet at which a client gets a check-in follow-up. */
export function CheckInField({ draft, errors, update }: DraftProps) {
  const { t } = useTranslator();
  return (
    <fieldset className="kw-group">
      <legend>{t('options.checkIn.title')}</legend>
      <Field
        id="checkInPercent"
        label={t('options.checkIn.label')}
        hint={t('options.checkIn.hint')}
        error={errors.checkInPercent}
      >
        <input
          type="number"
          inputMode="numeric"
          min={5}
          max={95}
          step={5}
          value={draft.checkInPercent}
          onChange={(event) => update({ checkInPercent: event.target.value })}
        />
      </Field>
    </fieldset>
  );
}
