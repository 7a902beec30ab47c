import { defineStrings } from './define-strings';

// The urgency mark on a badge: a reason to act now, apart from the level,
// which is the chance of going quiet alone.
export const urgencyStrings = defineStrings({
  en: {
    'badge.urgent.cancellation': 'cancelling?',
    'badge.urgent.complaint': 'complaint',
    'badge.urgent.competitor': 'competitors',
    'badge.urgent.price': 'price',
    'badge.urgent.waiting_on_us': 'waiting',
    'badge.urgent.label': 'Act now, whatever the chance: {reason}.',
  },
  uk: {
    'badge.urgent.cancellation': 'скасування?',
    'badge.urgent.complaint': 'скарга',
    'badge.urgent.competitor': 'конкуренти',
    'badge.urgent.price': 'ціна',
    'badge.urgent.waiting_on_us': 'чекає',
    'badge.urgent.label': 'Дійте зараз, хоч би якою була імовірність: {reason}.',
  },
  ru: {
    'badge.urgent.cancellation': 'отмена?',
    'badge.urgent.complaint': 'жалоба',
    'badge.urgent.competitor': 'конкуренты',
    'badge.urgent.price': 'цена',
    'badge.urgent.waiting_on_us': 'ждёт',
    'badge.urgent.label': 'Действуйте сейчас, какой бы ни была вероятность: {reason}.',
  },
});
