import {
  AUTOMATED_SENDERS,
  type ClientCast,
  PRIMARY_ACCOUNT,
  PRIMARY_CLIENTS,
  SECOND_ACCOUNT,
  SECOND_CLIENTS,
} from './cast';
import { conversationToken, gmailId } from './gmail-ids';
import { Random } from './random';
import { COLLEAGUE_SUBJECTS, NEWSLETTER_SUBJECTS, NOTIFICATION_SUBJECTS, TEXTS } from './texts';
import { DAY, HOUR, nextWorkingTime, OFFSET_HOURS } from './timing';
import type {
  DemoAccount,
  DemoClient,
  DemoMailbox,
  DemoMessage,
  DemoPerson,
  DemoThread,
  Direction,
  ScenarioName,
} from './types';

export interface GenerateOptions {
  seed: number;
  now: number;
  /** Extra healthy organisations for account 0, for scale tests. */
  extraClients?: number;
  /** Adds healthy organisations to account 0 until its clients' threads reach this many. */
  scale?: { threads: number };
  /** Makes account 0's first client a client of account 1 too, playing this scenario there. */
  sharedClient?: ScenarioName;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const USER_OFFSET = OFFSET_HOURS.uk;

/** How one client behaves over the year. */
interface Profile {
  firstContactDaysAgo: number;
  /** Regular threads stop this many days before now; the scenario's ending follows. */
  regularUntilDaysAgo: number;
  threadGapDays: (daysAgo: number) => number;
  theirReplyHours: (daysAgo: number) => number;
  ourReplyHours: number;
}

function profileFor(scenario: ScenarioName, random: Random): Profile {
  const base: Profile = {
    firstContactDaysAgo: random.int(300, 360),
    regularUntilDaysAgo: 0,
    threadGapDays: () => random.int(6, 14),
    theirReplyHours: () => 5,
    ourReplyHours: 3,
  };
  switch (scenario) {
    case 'healthy':
      return base;
    case 'slowingReplies':
      return { ...base, theirReplyHours: (daysAgo) => (daysAgo > 120 ? 4 : daysAgo > 60 ? 30 : 96) };
    case 'goingQuiet':
      return {
        ...base,
        regularUntilDaysAgo: 62,
        threadGapDays: (daysAgo) => (daysAgo > 150 ? random.int(5, 8) : random.int(18, 28)),
      };
    case 'complaintCompetitor':
      return { ...base, regularUntilDaysAgo: 9 };
    case 'waitingOnUs':
      return { ...base, regularUntilDaysAgo: 7 };
    case 'stoppedAnswering':
      return { ...base, regularUntilDaysAgo: 42 };
    case 'newClient':
      return { ...base, firstContactDaysAgo: random.int(40, 55), threadGapDays: () => random.int(4, 7) };
  }
}

class AccountBuilder {
  readonly threads: DemoThread[] = [];

  constructor(
    readonly random: Random,
    readonly now: number,
    readonly me: DemoPerson,
    readonly colleagues: DemoPerson[],
  ) {}

  message(
    rawAt: number,
    from: DemoPerson,
    to: DemoPerson[],
    cc: DemoPerson[],
    direction: Direction,
    body: string,
  ): DemoMessage {
    const at = Math.floor(rawAt);
    const { id, hex } = gmailId(at, this.random);
    const snippet = body.length > 120 ? `${body.slice(0, 117)}…` : body;
    const unread = direction !== 'out' && this.now - at < 3 * DAY;
    return { id, hex, at, from, to, cc, direction, snippet, body, unread };
  }

  thread(
    subject: string,
    messages: DemoMessage[],
    kind: DemoThread['kind'],
    clientKey?: string,
  ): DemoThread | undefined {
    const first = messages[0];
    if (!first) return undefined;
    const labels = new Set<string>();
    if (messages.some((m) => m.direction !== 'out')) labels.add('INBOX');
    if (messages.some((m) => m.direction === 'out')) labels.add('SENT');
    const thread: DemoThread = {
      id: first.id,
      hex: first.hex,
      token: conversationToken(this.random),
      subject,
      kind,
      labels: [...labels],
      messages,
      ...(clientKey ? { clientKey } : {}),
    };
    this.threads.push(thread);
    return thread;
  }
}

function clientKeyOf(cast: ClientCast): string {
  return cast.domain ?? cast.people[0]?.email ?? cast.name;
}

function fillSubject(template: string, at: number, random: Random): string {
  const date = new Date(at);
  return template
    .replace('{n}', String(random.int(1000, 9999)))
    .replace('{month}', MONTHS[date.getUTCMonth()] ?? '')
    .replace('{q}', String(Math.floor(date.getUTCMonth() / 3) + 1));
}

const REPLY_AFTER_SAME_OPENING_MS = 7 * 60_000;

/** One ordinary exchange: a few messages back and forth, as far as `until` allows. */
function exchange(b: AccountBuilder, cast: ClientCast, profile: Profile, start: number, until: number): DemoMessage[] {
  const { random, me, now } = b;
  const texts = TEXTS[cast.language];
  const theirOffset = OFFSET_HOURS[cast.language];
  const length = random.pick([1, 2, 2, 3, 3, 4, 5, 6]);
  let clientTurn = random.chance(0.55);
  let at = nextWorkingTime(start, clientTurn ? theirOffset : USER_OFFSET);
  const messages: DemoMessage[] = [];
  let counterpart = random.pick(cast.people);
  for (let i = 0; i < length && at < until; i++) {
    const cc = random.chance(0.15) ? [random.pick(b.colleagues.length ? b.colleagues : cast.people)] : [];
    const ccOthers = cc.filter((p) => p.email !== counterpart.email && p.email !== me.email);
    messages.push(
      clientTurn
        ? b.message(at, counterpart, [me], ccOthers, 'in', random.pick(texts.fromClient))
        : b.message(at, me, [counterpart], ccOthers, 'out', random.pick(texts.fromUs)),
    );
    const daysAgo = (now - at) / DAY;
    const delayHours = clientTurn ? profile.ourReplyHours : profile.theirReplyHours(daysAgo);
    clientTurn = !clientTurn;
    if (clientTurn && cast.people.length > 1 && random.chance(0.2)) counterpart = random.pick(cast.people);
    // Two sides in one time zone can both be moved to the same opening minute: a reply never
    // comes at the very instant of the message it answers.
    at = Math.max(
      nextWorkingTime(at + random.logNormal(delayHours, 0.6) * HOUR, clientTurn ? theirOffset : USER_OFFSET),
      at + REPLY_AFTER_SAME_OPENING_MS,
    );
  }
  // We answer our clients: an exchange that ends on their message gets our reply,
  // unless that reply would still lie in the future. Only the scenarios leave mail unanswered.
  const last = messages.at(-1);
  if (last?.direction === 'in' && at < until) {
    messages.push(b.message(at, me, [last.from], [], 'out', random.pick(texts.fromUs)));
  }
  return messages;
}

/** The last act of each troubled client, close to now. */
function ending(b: AccountBuilder, cast: ClientCast, scenario: ScenarioName, subjectBase: string): void {
  const { random, me, now } = b;
  const texts = TEXTS[cast.language];
  const contact = cast.people[0] as DemoPerson;
  const theirOffset = OFFSET_HOURS[cast.language];
  // Moving to working hours can push a recent time past now; keep it in the past.
  const at = (daysAgo: number, offset: number) => Math.min(nextWorkingTime(now - daysAgo * DAY, offset), now - HOUR);
  const subject = `${texts.replyPrefix}${subjectBase}`;
  const key = clientKeyOf(cast);
  if (scenario === 'waitingOnUs') {
    b.thread(
      subject,
      [b.message(at(4.5, theirOffset), contact, [me], [], 'in', random.pick(texts.fromClient))],
      'client',
      key,
    );
  } else if (scenario === 'stoppedAnswering') {
    const out = (daysAgo: number, body: string) => b.message(at(daysAgo, USER_OFFSET), me, [contact], [], 'out', body);
    b.thread(
      subjectBase,
      [out(36, random.pick(texts.fromUs)), out(22, texts.nudge[0] ?? ''), out(9, texts.nudge[1] ?? '')],
      'client',
      key,
    );
  } else if (scenario === 'complaintCompetitor') {
    const [disappointed, cheaper, cancel] = texts.complaint;
    // A weekend moves all three to the same Monday morning: kept apart, each after the one it answers.
    const cancelledAt = at(1.5, theirOffset);
    const answeredAt = Math.min(at(4, USER_OFFSET), cancelledAt - 2 * HOUR);
    const complainedAt = Math.min(at(5, theirOffset), answeredAt - 2 * HOUR);
    b.thread(
      subject,
      [
        b.message(complainedAt, contact, [me], [], 'in', `${disappointed} ${cheaper}`),
        b.message(answeredAt, me, [contact], [], 'out', random.pick(texts.fromUs)),
        b.message(cancelledAt, contact, [me], [], 'in', cancel ?? ''),
      ],
      'client',
      key,
    );
  }
}

function clientThreads(b: AccountBuilder, cast: ClientCast): DemoClient {
  const { random, now } = b;
  const profile = profileFor(cast.scenario, random);
  const texts = TEXTS[cast.language];
  const key = clientKeyOf(cast);
  let start = now - profile.firstContactDaysAgo * DAY;
  const regularUntil = now - profile.regularUntilDaysAgo * DAY;
  let lastSubject = fillSubject(random.pick(texts.subjects), start, random);
  while (start < regularUntil) {
    const subject = fillSubject(random.pick(texts.subjects), start, random);
    const messages = exchange(b, cast, profile, start, Math.min(now, regularUntil + 3 * DAY));
    if (b.thread(subject, messages, 'client', key)) lastSubject = subject;
    start += random.logNormal(profile.threadGapDays((now - start) / DAY), 0.35) * DAY;
  }
  ending(b, cast, cast.scenario, lastSubject);
  return {
    key,
    name: cast.name,
    kind: cast.domain ? 'org' : 'person',
    language: cast.language,
    people: cast.people,
    scenario: cast.scenario,
  };
}

function backgroundMail(b: AccountBuilder, withColleagues: boolean): void {
  const { random, now, me } = b;
  for (let daysAgo = 360; daysAgo > 0; daysAgo -= random.int(4, 9)) {
    const sender = random.pick(AUTOMATED_SENDERS);
    const subject = random.pick(sender.kind === 'newsletter' ? NEWSLETTER_SUBJECTS : NOTIFICATION_SUBJECTS);
    const at = now - daysAgo * DAY + random.int(0, 20) * HOUR;
    const thread = b.thread(
      subject,
      [b.message(at, sender.person, [me], [], 'in', `${subject}. View this email in your browser.`)],
      sender.kind,
    );
    if (thread) thread.category = sender.category;
    if (withColleagues && b.colleagues.length > 0 && random.chance(0.6)) {
      const colleague = random.pick(b.colleagues);
      const atWork = nextWorkingTime(now - daysAgo * DAY, USER_OFFSET);
      b.thread(
        random.pick(COLLEAGUE_SUBJECTS),
        [
          b.message(atWork, colleague, [me], [], 'internal', 'Quick sync: see the notes in our shared doc.'),
          b.message(atWork + 2 * HOUR, me, [colleague], [], 'internal', 'Thanks, looks good to me.'),
        ].filter((m) => m.at < now),
        'colleague',
      );
    }
  }
}

function extraClient(i: number, random: Random): ClientCast {
  const domain = `client${i + 1}.example-${random.pick(['co.uk', 'com', 'com.ua', 'de'])}`;
  return {
    name: `Client ${i + 1}`,
    domain,
    people: [{ email: `contact@${domain}`, name: `Contact ${i + 1}` }],
    language: 'en',
    scenario: 'healthy',
  };
}

function extraCast(count: number, random: Random): ClientCast[] {
  return Array.from({ length: count }, (_, i) => extraClient(i, random));
}

function buildAccount(
  index: number,
  random: Random,
  now: number,
  identity: { address: string; name: string; colleagues: DemoPerson[] },
  casts: ClientCast[],
  uiLanguage: DemoAccount['uiLanguage'],
  scaleThreads = 0,
): DemoAccount {
  const me = { email: identity.address, name: identity.name };
  const builder = new AccountBuilder(random, now, me, identity.colleagues);
  const clients = casts.map((cast) => clientThreads(builder, cast));
  for (let extra = casts.length; builder.threads.length < scaleThreads; extra++) {
    clients.push(clientThreads(builder, extraClient(extra, random)));
  }
  backgroundMail(builder, identity.colleagues.length > 0);
  const threads = builder.threads.filter((t) => t.messages.length > 0);
  const labels = clients.slice(0, 3).map((c) => `Clients/${c.name}`);
  const labelOf = new Map(clients.slice(0, 3).map((c, i) => [c.key, labels[i]]));
  for (const thread of threads) {
    const label = thread.clientKey ? labelOf.get(thread.clientKey) : undefined;
    if (label) thread.labels.push(label);
    // Gmail users archive: old read threads leave the inbox.
    const last = thread.messages.at(-1);
    if (last && now - last.at > 45 * DAY && random.chance(0.5))
      thread.labels = thread.labels.filter((l) => l !== 'INBOX');
  }
  const waitingKeys = new Set(clients.filter((c) => c.scenario === 'waitingOnUs').map((c) => c.key));
  const waiting = threads.findLast((t) => t.clientKey !== undefined && waitingKeys.has(t.clientKey));
  if (waiting) {
    const { id } = gmailId(now - HOUR, random);
    waiting.draft = { id: `r${id.slice(-19)}`, snippet: 'Hi! Sorry for the delay, I' };
  }
  threads.sort((a, b) => (b.messages.at(-1)?.at ?? 0) - (a.messages.at(-1)?.at ?? 0));
  return {
    index,
    address: identity.address,
    name: identity.name,
    uiLanguage,
    colleagues: identity.colleagues,
    clients,
    threads,
    labels,
  };
}

/** A year of mail for two Gmail accounts, the same for the same seed and `now`. */
export function generateMailbox(options: GenerateOptions): DemoMailbox {
  const random = new Random(options.seed);
  const primaryCast = [...PRIMARY_CLIENTS, ...extraCast(options.extraClients ?? 0, random)];
  const primary = buildAccount(0, random, options.now, PRIMARY_ACCOUNT, primaryCast, 'en', options.scale?.threads);
  const shared = PRIMARY_CLIENTS[0];
  const secondCast =
    shared && options.sharedClient
      ? [...SECOND_CLIENTS, { ...shared, scenario: options.sharedClient }]
      : SECOND_CLIENTS;
  const second = buildAccount(1, random, options.now, SECOND_ACCOUNT, secondCast, 'uk');
  const scenarioNames: ScenarioName[] = [
    'healthy',
    'slowingReplies',
    'goingQuiet',
    'complaintCompetitor',
    'waitingOnUs',
    'stoppedAnswering',
    'newClient',
  ];
  const scenarios = Object.fromEntries(
    scenarioNames.map((name) => [name, primary.clients.filter((c) => c.scenario === name).map((c) => c.key)]),
  ) as Record<ScenarioName, string[]>;
  return { seed: options.seed, now: options.now, accounts: [primary, second], scenarios };
}
