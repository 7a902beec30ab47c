// The English catalog is the source: every other language must translate every
// key (the type system and a test refuse a missing one).
export const en = {
  'app.name': 'Keepwarm',
  'app.options': 'Keepwarm options',
  'status.loading': 'Loading…',
  'status.unreachable': 'Keepwarm could not reach its background: {error}',
  'status.firstRun': 'Open Gmail to start: Keepwarm learns from the threads you see.',
  'status.openGmail': 'Open Gmail',
  'status.watching': 'Watching',
  'status.watchedAccounts': 'Watched Gmail accounts',
  'status.accountWithoutAddress': 'Gmail',
  'duration.lessThanMinute': 'less than a minute',
} as const;

export type MessageKey = keyof typeof en;
