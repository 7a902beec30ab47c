import { defineStrings } from './define-strings';

// The risk badge next to Gmail threads and the plain-words reasons its tooltip
// shows. Reasons are rendered from the engine's numbers, so each language says
// the same figures as the engine.
export const badgeStrings = defineStrings({
  en: {
    'badge.label': '{client}: {level} risk, {score}% chance of going quiet in 60 days. {reasons}',
    'badge.noReasons': 'No risk signal.',
    'badge.openHint': 'Click to open this client in Keepwarm',
  },
  uk: {
    'badge.label': '{client}: ризик «{level}», імовірність {score}%, що затихнуть за 60 днів. {reasons}',
    'badge.noReasons': 'Сигналів ризику немає.',
    'badge.openHint': 'Натисніть, щоб відкрити цього клієнта в Keepwarm',
  },
  ru: {
    'badge.label': '{client}: риск «{level}», вероятность {score}%, что затихнут за 60 дней. {reasons}',
    'badge.noReasons': 'Сигналов риска нет.',
    'badge.openHint': 'Нажмите, чтобы открыть этого клиента в Keepwarm',
  },
});
