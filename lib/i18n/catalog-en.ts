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
  'overview.waitingOnYou': 'Waiting on you',
  'overview.nobodyWaiting': 'Nobody is waiting on you.',
  'overview.riskiest': 'Clients at risk',
  'overview.noRisk': 'No client shows a risk signal.',
  'overview.noClients': 'No client history yet. Open threads in Gmail and Keepwarm will learn who your clients are.',
  'overview.waitingFor': 'waiting {duration}',
  'overview.usualReply': 'you usually reply in {duration}',
  'overview.score': 'risk {score} of 100',
  'risk.low': 'Low',
  'risk.watch': 'Watch',
  'risk.high': 'High',
  'risk.critical': 'Critical',
} as const;

export type MessageKey = keyof typeof en;
