import type { ViewScope } from '@/lib/features/team/team-view-messages';
import { useTranslator } from '@/lib/ui/use-translator';
import './team-view.css';

/** Mine or the team's: whose contact the lists, the risk and the badges count. */
export function ScopeSwitch({ scope, onChange }: { scope: ViewScope; onChange: (scope: ViewScope) => void }) {
  const { t } = useTranslator();
  return (
    <fieldset className="kw-scope" data-testid="scope-switch">
      <legend className="kw-scope__legend">{t('team.scope')}</legend>
      {(['mine', 'team'] as const).map((option) => (
        <label key={option} className="kw-scope__option">
          <input
            type="radio"
            name="kw-scope"
            value={option}
            checked={scope === option}
            onChange={() => onChange(option)}
          />
          {t(`team.scope.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}
