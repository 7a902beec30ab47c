import { useTranslator } from '@/lib/ui/use-translator';
import { Field } from './field';
import type { DraftProps } from './hours-fields';

/** The working hours within which the user means to answer a client. */
export function ReplyTargetField({ draft, errors, update }: DraftProps) {
  const { t } = useTranslator();
  return (
    <fieldset className="kw-group">
      <legend>{t('options.reply.title')}</legend>
      <Field
        id="replyTargetHours"
        label={t('options.reply.target')}
        hint={t('options.reply.hint')}
        error={errors.replyTargetHours}
      >
        <input
          type="number"
          inputMode="decimal"
          min={0.5}
          step={0.5}
          value={draft.replyTargetHours}
          onChange={(event) => update({ replyTargetHours: event.target.value })}
        />
      </Field>
    </fieldset>
  );
}
