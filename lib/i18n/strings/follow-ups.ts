import { defineStrings } from './define-strings';

// Follow-ups that follow the model: the check-in at the user's chance
// threshold, the proactive check-in, and the setting that moves the threshold.
export const followUpStrings = defineStrings({
  en: {
    'followUp.checkInChance': 'Check in: {percent} chance they go quiet in {days} days, at or over your {threshold}',
    'followUp.checkInChance.reason': '{checkIn} — {reason}',
    'followUp.proactive': 'Check in: you have not started a conversation with them for {days}',
    'followUp.proactive.never': 'Check in: you have never started a conversation with them in {days}',
    'options.checkIn.title': 'Check-ins',
    'options.checkIn.label': 'Suggest a check-in from this chance of going quiet (%)',
    'options.checkIn.hint':
      'At 50% a client’s level turns “high”. Lower it to hear of fading clients sooner, raise it to hear of fewer.',
    'options.error.checkInPercent': 'Enter a whole number from {min} to {max}.',
  },
  uk: {
    'followUp.checkInChance':
      'Написати: імовірність {percent}, що затихнуть за {days} днів, — на рівні вашого порогу {threshold} або вище',
    'followUp.checkInChance.reason': '{checkIn} — {reason}',
    'followUp.proactive': 'Написати: ви не починали розмову з ними вже {days}',
    'followUp.proactive.never': 'Написати: ви жодного разу не починали розмову з ними за {days}',
    'options.checkIn.title': 'Нагадування написати',
    'options.checkIn.label': 'Пропонувати написати клієнту з такої імовірності, що він затихне (%)',
    'options.checkIn.hint':
      'На 50% рівень клієнта стає «високим». Знизьте поріг, щоб раніше дізнаватися про клієнтів, що віддаляються, або підвищте, щоб бачити менше нагадувань.',
    'options.error.checkInPercent': 'Введіть ціле число від {min} до {max}.',
  },
  ru: {
    'followUp.checkInChance':
      'Написать: вероятность {percent}, что затихнут за {days} дней, — на уровне вашего порога {threshold} или выше',
    'followUp.checkInChance.reason': '{checkIn} — {reason}',
    'followUp.proactive': 'Написать: вы не начинали разговор с ними уже {days}',
    'followUp.proactive.never': 'Написать: вы ни разу не начинали разговор с ними за {days}',
    'options.checkIn.title': 'Напоминания написать',
    'options.checkIn.label': 'Предлагать написать клиенту с такой вероятности, что он затихнет (%)',
    'options.checkIn.hint':
      'На 50% уровень клиента становится «высоким». Снизьте порог, чтобы раньше узнавать об отдаляющихся клиентах, или повысьте, чтобы видеть меньше напоминаний.',
    'options.error.checkInPercent': 'Введите целое число от {min} до {max}.',
  },
});
