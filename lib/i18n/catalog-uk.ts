import type { MessageKey } from './catalog-en';

export const uk = {
  'app.name': 'Keepwarm',
  'app.options': 'Налаштування Keepwarm',
  'status.loading': 'Завантаження…',
  'status.unreachable': 'Keepwarm не зміг звʼязатися зі своїм фоновим процесом: {error}',
  'status.firstRun': 'Відкрийте Gmail, щоб почати: Keepwarm вчиться з листів, які ви бачите.',
  'status.openGmail': 'Відкрити Gmail',
  'status.watching': 'Стежимо',
  'status.watchedAccounts': 'Облікові записи Gmail під наглядом',
  'status.accountWithoutAddress': 'Gmail',
  'duration.lessThanMinute': 'менше хвилини',
  'overview.waitingOnYou': 'Чекають на вас',
  'overview.nobodyWaiting': 'Ніхто не чекає на вашу відповідь.',
  'overview.riskiest': 'Клієнти під ризиком',
  'overview.noRisk': 'Жоден клієнт не має сигналів ризику.',
  'overview.noClients':
    'Історії клієнтів ще немає. Відкривайте листи в Gmail, і Keepwarm дізнається, хто ваші клієнти.',
  'overview.waitingFor': 'чекає {duration}',
  'overview.usualReply': 'зазвичай ви відповідаєте за {duration}',
  'overview.score': 'ризик {score} зі 100',
  'risk.low': 'Низький',
  'risk.watch': 'Увага',
  'risk.high': 'Високий',
  'risk.critical': 'Критичний',
} satisfies Record<MessageKey, string>;
