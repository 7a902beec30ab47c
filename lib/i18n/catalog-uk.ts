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
} satisfies Record<MessageKey, string>;
