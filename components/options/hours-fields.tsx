import { weekdays } from '@/lib/ui/calendar-labels';
import type { FieldErrors, SettingsDraft } from '@/lib/ui/settings-form';
import { useTranslator } from '@/lib/ui/use-translator';
import { Field, FieldSet } from './field';

export interface DraftProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  update(patch: Partial<SettingsDraft>): void;
}

/** Working days, the day's start and end, and the time zone they are in. */
export function HoursFields({ draft, errors, update, zones }: DraftProps & { zones: readonly string[] }) {
  const { t, language } = useTranslator();
  const toggleDay = (day: number, on: boolean) =>
    update({ workingDays: on ? [...draft.workingDays, day] : draft.workingDays.filter((d) => d !== day) });
  return (
    <fieldset className="kw-group">
      <legend>{t('options.hours.title')}</legend>
      <FieldSet
        id="businessHours.workingDays"
        legend={t('options.hours.days')}
        error={errors['businessHours.workingDays']}
      >
        <div className="kw-days">
          {weekdays(language).map(({ day, name }) => (
            <label key={day} className="kw-check">
              <input
                type="checkbox"
                checked={draft.workingDays.includes(day)}
                onChange={(event) => toggleDay(day, event.target.checked)}
              />
              {name}
            </label>
          ))}
        </div>
      </FieldSet>
      <div className="kw-row">
        <Field id="businessHours.startHour" label={t('options.hours.start')} error={errors['businessHours.startHour']}>
          <input type="time" value={draft.start} onChange={(event) => update({ start: event.target.value })} />
        </Field>
        <Field id="businessHours.endHour" label={t('options.hours.end')} error={errors['businessHours.endHour']}>
          <input type="time" value={draft.end} onChange={(event) => update({ end: event.target.value })} />
        </Field>
      </div>
      <Field
        id="businessHours.timeZone"
        label={t('options.hours.timeZone')}
        hint={t('options.hours.hint')}
        error={errors['businessHours.timeZone']}
      >
        <select translate="no" value={draft.timeZone} onChange={(event) => update({ timeZone: event.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
