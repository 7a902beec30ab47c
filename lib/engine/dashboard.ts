// The dashboard of gains and losses: how many clients are active month by
// month, who was gained, who came back and who went quiet, the value they
// represent, how fast each side answers, the clients most at risk weighed by
// their value, and how the clients of each month's first contact fare. Pure:
// per-client histories and summaries in, plain numbers out.
//
// It takes a list, not an account: a team's members' lists can be passed
// together, each client with `whose` it is, and one client known to several
// members is counted once, with everyone's contact.
import { type ActiveSpan, activeAt, activeSpans } from './active-spans';
import { DAY } from './business-hours';
import type { ClientHistory, HistoryReply } from './client-history';
import { lastMonths } from './dashboard-months';
import type { ClientTier } from './overrides';
import { spread } from './stats';

export interface DashboardClient extends ClientHistory {
  name: string;
  /** Whose client this is (a team member); absent for one person's own dashboard. */
  whose?: string;
  /** The value and tier the user set. */
  value?: number;
  tier?: ClientTier;
  /** The chance, in percent, that the client sends nothing in the next 60 days, from their report. */
  chance?: number;
}

export interface DashboardInput {
  clients: readonly DashboardClient[];
  now: number;
  /** The user's time zone: months start at its midnight. */
  timeZone: string;
  /** How many months to show, the current one included. */
  months?: number;
  /** How many clients at risk to list. */
  atRiskLimit?: number;
}

export interface MonthFigures {
  /** "2026-11" in the user's time zone. */
  month: string;
  start: number;
  /** Active at the month's end (at `now` for the current month). */
  active: number;
  /** In touch for the first time. */
  gained: number;
  /** In touch again after having gone quiet. */
  returned: number;
  /** Silent for the whole horizon: their last contact was 60 days before. */
  quiet: number;
  /** The sum of the values set for those clients; a client without a value adds nothing. */
  gainedValue: number;
  returnedValue: number;
  quietValue: number;
  /** Median wall-clock time of our replies sent in the month, and of theirs. */
  ourMedianReplyMs?: number;
  ourReplies: number;
  theirMedianReplyMs?: number;
  theirReplies: number;
}

export interface AtRiskClient {
  key: string;
  name: string;
  whose: string[];
  chance: number;
  value?: number;
  tier?: ClientTier;
  /** chance × value: the value at risk; absent without a value. */
  valueAtRisk?: number;
}

export interface CohortFigures {
  /** The month of their first contact. */
  month: string;
  clients: number;
  /** Those whose 90th day has come, and how many of them were active on it. */
  reached90Days: number;
  activeAt90Days: number;
  activeNow: number;
}

export interface Dashboard {
  now: number;
  /**
   * The earliest mail with a client the histories hold. Clients already in
   * touch before it count as gained in its month: the history begins there,
   * not their relationship.
   */
  historyStartsAt?: number;
  activeNow: number;
  months: MonthFigures[];
  atRisk: AtRiskClient[];
  cohorts: CohortFigures[];
}

export const DASHBOARD_MONTHS = 12;
export const AT_RISK_LIMIT = 10;
/** The first 90 days of a relationship, when a bad start costs most. */
export const ONBOARDING_DAYS = 90;

interface Merged {
  key: string;
  name: string;
  whose: string[];
  value?: number;
  tier?: ClientTier;
  chance?: number;
  spans: ActiveSpan[];
  replies: HistoryReply[];
}

const maxOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * One entry per client key. A client several members know is in touch
 * whenever any member hears from them; its value and chance are the highest
 * any member's copy gives, so merging never hides a risk.
 */
function mergeByKey(clients: readonly DashboardClient[], now: number): Merged[] {
  const byKey = new Map<string, { first: DashboardClient; all: DashboardClient[] }>();
  for (const client of clients) {
    const entry = byKey.get(client.key);
    if (entry) entry.all.push(client);
    else byKey.set(client.key, { first: client, all: [client] });
  }
  return [...byKey.values()].map(({ first, all }) => {
    const contact = [...new Set(all.flatMap((c) => c.theirContactAt))].filter((at) => at <= now).sort((a, b) => a - b);
    const merged: Merged = {
      key: first.key,
      name: first.name,
      whose: [...new Set(all.flatMap((c) => (c.whose === undefined ? [] : [c.whose])))],
      spans: activeSpans(contact),
      replies: all.flatMap((c) => c.replies),
    };
    const value = all.reduce<number | undefined>((v, c) => maxOf(v, c.value), undefined);
    const chance = all.reduce<number | undefined>((v, c) => maxOf(v, c.chance), undefined);
    const tier = all.find((c) => c.tier !== undefined)?.tier;
    if (value !== undefined) merged.value = value;
    if (chance !== undefined) merged.chance = chance;
    if (tier !== undefined) merged.tier = tier;
    return merged;
  });
}

const within = (at: number, from: number, to: number) => at >= from && at < to;

type Month = { key: string; start: number; end: number };

/** Each side's reply times by the month they were sent in, in one pass over the replies. */
function repliesByMonth(clients: readonly Merged[], months: readonly Month[], now: number) {
  const ours = months.map((): number[] => []);
  const theirs = months.map((): number[] => []);
  const from = months[0]?.start ?? now;
  const to = Math.min(months.at(-1)?.end ?? now, now + 1);
  for (const client of clients) {
    for (const reply of client.replies) {
      if (!within(reply.at, from, to)) continue;
      const i = months.findIndex((month) => reply.at < month.end);
      (reply.by === 'out' ? ours : theirs)[i]?.push(reply.wallMs);
    }
  }
  return { ours, theirs };
}

function monthFigures(clients: readonly Merged[], month: Month, now: number, ours: number[], theirs: number[]) {
  // The current month ends now: nothing after it has happened yet.
  const cut = Math.min(month.end, now + 1);
  const our = spread(ours);
  const their = spread(theirs);
  const figures: MonthFigures = {
    month: month.key,
    start: month.start,
    active: 0,
    gained: 0,
    returned: 0,
    quiet: 0,
    gainedValue: 0,
    returnedValue: 0,
    quietValue: 0,
    ourReplies: our.count,
    theirReplies: their.count,
  };
  if (our.median !== undefined) figures.ourMedianReplyMs = our.median;
  if (their.median !== undefined) figures.theirMedianReplyMs = their.median;
  for (const client of clients) {
    const value = client.value ?? 0;
    client.spans.forEach((span, i) => {
      if (within(span.start, month.start, cut)) {
        if (i === 0) {
          figures.gained += 1;
          figures.gainedValue += value;
        } else {
          figures.returned += 1;
          figures.returnedValue += value;
        }
      }
      if (within(span.end, month.start, cut)) {
        figures.quiet += 1;
        figures.quietValue += value;
      }
      if (span.start < cut && span.end >= cut) figures.active += 1;
    });
  }
  return figures;
}

/**
 * Clients with a chance of going quiet, the value at risk first: chance ×
 * value for the clients with a value, highest first; then those without a
 * value, by chance alone.
 */
function atRisk(clients: readonly Merged[], limit: number): AtRiskClient[] {
  const rows: AtRiskClient[] = [];
  for (const c of clients) {
    if (c.chance === undefined || c.chance <= 0) continue;
    const row: AtRiskClient = { key: c.key, name: c.name, whose: c.whose, chance: c.chance };
    if (c.value !== undefined) {
      row.value = c.value;
      row.valueAtRisk = (c.chance / 100) * c.value;
    }
    if (c.tier !== undefined) row.tier = c.tier;
    rows.push(row);
  }
  const order = (a: AtRiskClient, b: AtRiskClient) =>
    (b.valueAtRisk ?? -1) - (a.valueAtRisk ?? -1) || b.chance - a.chance || (a.key < b.key ? -1 : 1);
  return rows.sort(order).slice(0, limit);
}

function cohorts(
  clients: readonly Merged[],
  months: readonly { key: string; start: number; end: number }[],
  now: number,
) {
  return months.map((month): CohortFigures => {
    const cohort = clients.filter((c) => c.spans[0] !== undefined && within(c.spans[0].start, month.start, month.end));
    const reached = cohort.filter((c) => (c.spans[0]?.start ?? now) + ONBOARDING_DAYS * DAY <= now);
    return {
      month: month.key,
      clients: cohort.length,
      reached90Days: reached.length,
      activeAt90Days: reached.filter((c) => activeAt(c.spans, (c.spans[0]?.start ?? now) + ONBOARDING_DAYS * DAY))
        .length,
      activeNow: cohort.filter((c) => activeAt(c.spans, now)).length,
    };
  });
}

/** Their first contact, or the message our first reply answered, whichever is earlier. */
function historyStart(clients: readonly DashboardClient[], now: number): number | undefined {
  let start: number | undefined;
  for (const client of clients) {
    const first = client.theirContactAt[0];
    if (first !== undefined && first <= now) start = Math.min(start ?? first, first);
    for (const reply of client.replies) start = Math.min(start ?? reply.at - reply.wallMs, reply.at - reply.wallMs);
  }
  return start;
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const { now } = input;
  const clients = mergeByKey(input.clients, now);
  const months = lastMonths(now, input.months ?? DASHBOARD_MONTHS, input.timeZone);
  const historyStartsAt = historyStart(input.clients, now);
  const replies = repliesByMonth(clients, months, now);
  return {
    now,
    ...(historyStartsAt !== undefined && { historyStartsAt }),
    activeNow: clients.filter((c) => activeAt(c.spans, now)).length,
    months: months.map((month, i) => monthFigures(clients, month, now, replies.ours[i] ?? [], replies.theirs[i] ?? [])),
    atRisk: atRisk(clients, input.atRiskLimit ?? AT_RISK_LIMIT),
    cohorts: cohorts(clients, months, now),
  };
}
