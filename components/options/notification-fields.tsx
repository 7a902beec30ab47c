import { useState } from 'react';
import { hourLabel } from '@/lib/ui/calendar-labels';
import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { DraftProps } from './hours-fields';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * The optional daily digest: switching it on asks for the notifications
 * permission there and then (`requestNotifications`, called inside the click).
 */
export function NotificationFields({
  draft,
  errors,
  update,
  requestNotifications,
}: DraftProps & { requestNotifications(): Promise<boolean> }) {
  const { t, language } = useTranslator();
  const [denied, setDenied] = useState(false);
  const toggle = (on: boolean) => {
    setDenied(false);
    if (!on) {
      update({ dailyDigest: false });
      return;
    }
    requestNotifications().then((granted) => (granted ? update({ dailyDigest: true }) : setDenied(true)));
  };
  return (
    <fieldset className="kw-group">
      <legend>{t('options.notifications.title')}</legend>
      <div className="kw-field">
        <label className="kw-check">
          <input
            type="checkbox"
            id="notifications.dailyDigest"
            checked={draft.dailyDigest}
            aria-describedby="notifications.dailyDigest-hint"
            onChange={(event) => toggle(event.target.checked)}
          />
          {t('options.notifications.digest')}
        </label>
        <p id="notifications.dailyDigest-hint" className="kw-hint">
          {t('options.notifications.digestHint')}
        </p>
        {denied ? <p role="alert">{t('options.notifications.denied')}</p> : null}
      </div>
      <Field
        id="notifications.digestHour"
        label={t('options.notifications.hour')}
        error={errors['notifications.digestHour']}
      >
        <select
          value={draft.digestHour}
          disabled={!draft.dailyDigest}
          onChange={(event) => update({ digestHour: Number(event.target.value) })}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour, language)}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
