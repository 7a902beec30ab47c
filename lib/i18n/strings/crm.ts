import { defineStrings } from './define-strings';

// The CRM switches of the options page and the badge on CRM record pages.
export const crmStrings = defineStrings({
  en: {
    'crm.title': 'Your CRM',
    'crm.intro':
      'Switch a CRM on to see client risk on its record pages. Keepwarm asks your browser for access to that CRM only, and reads nothing elsewhere.',
    'crm.hosted': 'Hosted CRMs',
    'crm.selfHosted': 'Self-hosted CRMs',
    'crm.selfHostedHint': 'The address you open it at, e.g. https://crm.example.com',
    'crm.add': 'Add',
    'crm.remove': 'Remove',
    'crm.badAddress': 'That is not a web address (https://…).',
    'crm.denied': 'Your browser did not grant access to {host}: the CRM stays off.',
    'crm.failed': 'Could not change {crm}: {error}',
    'crm.badgeTitle': 'Keepwarm: {name}, {score}% chance of going quiet',
    'crm.unknownClient': 'Not a known client',
    'crm.unknownClientTitle': 'Keepwarm knows no mail with {candidate} yet. Click to watch it.',
    'crm.readPage': 'Find the client on this page',
    'crm.readPageNothing': 'No client address on this page.',
  },
  uk: {
    'crm.title': 'Ваша CRM',
    'crm.intro':
      'Увімкніть CRM, щоб бачити ризик клієнта на сторінках її записів. Keepwarm просить у браузера доступ лише до цієї CRM і більше нічого не читає.',
    'crm.hosted': 'Хмарні CRM',
    'crm.selfHosted': 'Власні CRM',
    'crm.selfHostedHint': 'Адреса, за якою ви її відкриваєте, напр. https://crm.example.com',
    'crm.add': 'Додати',
    'crm.remove': 'Прибрати',
    'crm.badAddress': 'Це не вебадреса (https://…).',
    'crm.denied': 'Браузер не надав доступу до {host}: CRM лишається вимкненою.',
    'crm.failed': 'Не вдалося змінити {crm}: {error}',
    'crm.badgeTitle': 'Keepwarm: {name}, імовірність {score}%, що затихнуть',
    'crm.unknownClient': 'Невідомий клієнт',
    'crm.unknownClientTitle': 'Keepwarm ще не бачив листів із {candidate}. Натисніть, щоб стежити.',
    'crm.readPage': 'Знайти клієнта на цій сторінці',
    'crm.readPageNothing': 'На цій сторінці немає адреси клієнта.',
  },
  ru: {
    'crm.title': 'Ваша CRM',
    'crm.intro':
      'Включите CRM, чтобы видеть риск клиента на страницах её записей. Keepwarm просит у браузера доступ только к этой CRM и больше ничего не читает.',
    'crm.hosted': 'Облачные CRM',
    'crm.selfHosted': 'Собственные CRM',
    'crm.selfHostedHint': 'Адрес, по которому вы её открываете, напр. https://crm.example.com',
    'crm.add': 'Добавить',
    'crm.remove': 'Убрать',
    'crm.badAddress': 'Это не веб-адрес (https://…).',
    'crm.denied': 'Браузер не дал доступа к {host}: CRM остаётся выключенной.',
    'crm.failed': 'Не удалось изменить {crm}: {error}',
    'crm.badgeTitle': 'Keepwarm: {name}, вероятность {score}%, что затихнут',
    'crm.unknownClient': 'Неизвестный клиент',
    'crm.unknownClientTitle': 'Keepwarm ещё не видел писем с {candidate}. Нажмите, чтобы следить.',
    'crm.readPage': 'Найти клиента на этой странице',
    'crm.readPageNothing': 'На этой странице нет адреса клиента.',
  },
});
