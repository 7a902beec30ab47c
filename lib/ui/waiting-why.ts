import type { CueKind } from '@/lib/engine/cue-lexicon';
import type { Translator } from '@/lib/i18n/translate';

/**
 * Why a waiting row stands where it does, said the same way in the account's
 * lists and the team's: the cue to acknowledge, else how late its follow-up is.
 */
export function waitingWhy(tr: Translator, place: { cue?: CueKind; dueAt: number }, now: number): string {
  const { t, duration } = tr;
  const late = now - place.dueAt;
  if (place.cue) return t('popup.why.cue', { cue: t(`riskReason.cue.${place.cue}`) });
  return late > 0 ? t('popup.why.overdue', { late: duration(late) }) : t('popup.why.due', { left: duration(-late) });
}
