import type { MessageKey } from './catalog-en';

export const ru = {
  'app.name': 'Keepwarm',
  'app.options': 'Настройки Keepwarm',
  'status.loading': 'Загрузка…',
  'status.unreachable': 'Keepwarm не смог связаться со своим фоновым процессом: {error}',
  'status.firstRun': 'Откройте Gmail, чтобы начать: Keepwarm учится на письмах, которые вы видите.',
  'status.openGmail': 'Открыть Gmail',
  'status.watching': 'Наблюдаем',
  'status.watchedAccounts': 'Отслеживаемые аккаунты Gmail',
  'status.accountWithoutAddress': 'Gmail',
  'duration.lessThanMinute': 'меньше минуты',
} satisfies Record<MessageKey, string>;
