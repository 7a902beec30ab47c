import { defineStrings } from './define-strings';

// The daily digest notification.
export const digestStrings = defineStrings({
  en: {
    'digest.title': 'Keepwarm: {waiting} waiting on you, {atRisk} at risk',
    'digest.waitingLine': '{name} waits {duration}',
    'digest.riskLine': '{name}: risk “{level}”',
    'digest.more': '…and {count} more',
  },
  uk: {
    'digest.title': 'Keepwarm: чекають на вас — {waiting}, під ризиком — {atRisk}',
    'digest.waitingLine': '{name} чекає {duration}',
    'digest.riskLine': '{name}: ризик «{level}»',
    'digest.more': '…і ще {count}',
  },
  ru: {
    'digest.title': 'Keepwarm: ждут вашего ответа — {waiting}, под риском — {atRisk}',
    'digest.waitingLine': '{name} ждёт {duration}',
    'digest.riskLine': '{name}: риск «{level}»',
    'digest.more': '…и ещё {count}',
  },
});
