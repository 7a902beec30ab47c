import { type FormEvent, useState } from 'react';
import type { StoredClientOverride } from '@/lib/data/stored-rows';
import type { ClientTier } from '@/lib/engine/overrides';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { ClientActions } from '@/lib/ui/client-action-types';
import { dateInput, overridePatch } from '@/lib/ui/override-patch';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  displayName: string;
  override?: StoredClientOverride;
  correct: ClientActions['correct'];
  /** Runs a correction and says in the card's status line how it went. */
  run: (work: Promise<void>) => void;
  setStatus: (status: string) => void;
}

const TIERS: ClientTier[] = ['key', 'standard', 'minor'];

/** The client's name, tier, value and expected silence, saved as one correction of what changed. */
export function ClientCorrectionForm({ displayName, override, correct, run, setStatus }: Props) {
  const { t } = useTranslator();
  const [name, setName] = useState(override?.name ?? '');
  const [tier, setTier] = useState<string>(override?.tier ?? '');
  const [value, setValue] = useState(override?.value !== undefined ? String(override.value) : '');
  const [quietUntil, setQuietUntil] = useState(dateInput(override?.quietUntil));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = overridePatch(override, { name, tier, value, quietUntil });
    if ('error' in result) return setStatus(t(`panel.invalid.${result.error}`));
    if (Object.keys(result.patch).length === 0) return setStatus(t('panel.nothingChanged'));
    run(correct(result.patch));
  };

  return (
    <form className="kw-form" onSubmit={save}>
      <label>
        {t('panel.rename')}
        <input value={name} placeholder={displayName} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('panel.tier')}
        <select value={tier} onChange={(e) => setTier(e.target.value)}>
          <option value="">{t('panel.tierNone')}</option>
          {TIERS.map((option) => (
            <option key={option} value={option}>
              {t(`panel.tier.${option}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('panel.value')}
        <input
          type="number"
          min="0"
          step="any"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <label>
        {t('panel.quietUntil')}
        <input type="date" value={quietUntil} onChange={(e) => setQuietUntil(e.target.value)} />
      </label>
      <button type="submit">{t('panel.save')}</button>
    </form>
  );
}
