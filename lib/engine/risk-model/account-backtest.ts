// The user's own backtest: replays one account's past week by week with the
// shipped model, exactly as the extension would have shown it, and counts how
// many of the clients who went quiet it would have flagged, how early, and how
// often it flagged a client who then wrote anyway. The command line
// (`keepwarm backtest`) and the options page both run this, so they give the
// same figures on the same mail.
//
// Definitions (the options page says them in words):
// - flagged: the client's level is "high" or "critical" (a chance of going
//   quiet of 50% or more), the level at which the badge says the client is at risk;
// - went quiet: nothing from the client for 60 days after a message of theirs;
//   the client counts once, with the last time it happened. Only clients with
//   a relationship at the time count: at least 3 days on which they wrote, and
//   an exchange in the 180 days before (as in the evaluation's samples);
// - flagged in time: flagged at a weekly cut after their last message and
//   before the 60 days were up; the lead is the time from the first such cut to
//   the end of those 60 days;
// - false alarm: a client newly flagged at a cut (not flagged at the one
//   before) who then wrote within 60 days.
import { analyzeAccount } from '../analyze';
import { DAY } from '../business-hours';
import { groupByClient } from '../client-buckets';
import { type ClientOverrides, createClientResolver } from '../overrides';
import { riskLevel } from '../risk';
import type { RiskLevel } from '../risk-types';
import type { EngineSettings } from '../settings';
import type { AccountIdentity, MailMessage } from '../types';
import { ACTIVE_WITHIN, activeSpan, firstAfter, HORIZON_DAYS, MIN_CONTACT_DAYS, WARM_UP } from './evaluation-samples';
import { lastExchangeAt } from './risk-features';
import { SHIPPED_MODEL } from './risk-score';

const HORIZON = HORIZON_DAYS * DAY;
export const BACKTEST_STEP_DAYS = 7;
const STEP = BACKTEST_STEP_DAYS * DAY;
/** Cuts beyond this many (the last two years of weeks) are left out, so a large account stays bounded. */
export const MAX_CUTS = 104;
const MONTH = 30.44 * DAY;
const modelTag = { commit: SHIPPED_MODEL.fitted.commit, horizonDays: SHIPPED_MODEL.horizonDays };

/** The levels at which the badge says a client is at risk. */
export const FLAGGED_LEVELS: readonly RiskLevel[] = ['high', 'critical'];
/** The lowest chance, in percent, whose level is flagged: read from the levels, so it follows them. */
export const FLAGGED_FROM_PERCENT = (() => {
  for (let percent = 0; percent < 100; percent++) if (FLAGGED_LEVELS.includes(riskLevel(percent))) return percent;
  return 100;
})();

export interface BacktestInput {
  messages: readonly MailMessage[];
  identity: AccountIdentity;
  overrides?: ClientOverrides;
  settings?: Partial<EngineSettings>;
}

/** Why the figures cannot be given: too little history, no client with a relationship, or no outcome of one kind. */
export type BacktestNote = 'too-little-history' | 'no-clients' | 'no-one-went-quiet' | 'no-one-stayed';

export interface Backtest {
  /** The model scored: the shipped one, fitted at this commit. */
  model: { commit: string; horizonDays: number };
  flagged: { levels: RiskLevel[]; fromPercent: number };
  stepDays: number;
  /** Weekly cuts replayed, the first and the last, and the months they span. */
  cuts: number;
  firstCut?: number;
  lastCut?: number;
  months: number;
  /** Clients who went quiet (N), of them flagged in time (K), and the median lead in days (D). */
  wentQuiet: number;
  flaggedInTime: number;
  medianLeadDays?: number;
  /** Clients newly flagged who then wrote within 60 days, in all and per month (F). */
  falseAlarms: number;
  falseAlarmsPerMonth?: number;
  /** Who went quiet: their last message, and the first cut that flagged them in time, if any. */
  quiet: { client: string; lastMessageAt: number; flaggedAt?: number }[];
  /** Each false alarm: the client and the cut it was raised at. */
  alarms: { client: string; at: number }[];
  /** Set when the figures say nothing: see BacktestNote. */
  note?: BacktestNote;
}

interface Episode {
  lastTheirs: number;
  /** Earliest flagged cut of this silence, if any. */
  firstFlag?: number;
}

/** A backtest run a cut at a time, so a caller can yield between cuts. */
export interface BacktestRun {
  cuts: readonly number[];
  /** Replays cut `i` (in order, each once). */
  replayCut(i: number): void;
  result(): Backtest;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Weekly cuts with 90 days of history before each and the 60-day outcome inside the mail, the last MAX_CUTS of them. */
export function backtestCuts(messages: readonly MailMessage[]): number[] {
  const span = activeSpan(messages);
  if (!span) return [];
  const cuts: number[] = [];
  for (let cut = span.start + WARM_UP; cut + HORIZON <= span.end; cut += STEP) cuts.push(cut);
  return cuts.slice(-MAX_CUTS);
}

/** Their messages' times by client, grouped once over all the mail with the same resolver the replay uses. */
function theirMessageTimes(messages: readonly MailMessage[], input: BacktestInput): Map<string, number[]> {
  const end = messages.at(-1)?.at ?? 0;
  const { buckets } = groupByClient(messages, input.identity, createClientResolver(input.overrides), end);
  const theirTimes = new Map<string, number[]>();
  for (const [key, bucket] of buckets) {
    const { columns, rows } = bucket.mail;
    const times: number[] = [];
    for (const row of rows) if (columns.fromClient[row] === 1) times.push(columns.at[row] as number);
    theirTimes.set(key, times);
  }
  return theirTimes;
}

export function startBacktest(input: BacktestInput): BacktestRun {
  const messages = [...input.messages].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cuts = backtestCuts(messages);
  const theirTimes = theirMessageTimes(messages, input);
  const wroteWithin = (key: string, from: number, to: number) =>
    (theirTimes.get(key) ?? []).some((at) => at > from && at <= to);

  const episodes = new Map<string, Episode>();
  let flaggedBefore = new Set<string>();
  const alarms: { client: string; at: number }[] = [];
  let eligibleSamples = 0;
  let stayed = 0;

  const replayCut = (i: number) => {
    const cut = cuts[i];
    if (cut === undefined) return;
    const analysis = analyzeAccount({
      messages: messages.slice(0, firstAfter(messages, cut)),
      identity: input.identity,
      ...(input.overrides && { overrides: input.overrides }),
      ...(input.settings && { settings: input.settings }),
      now: cut,
    });
    const flaggedNow = new Set<string>();
    for (const client of analysis.clients) {
      const m = client.metrics;
      const last = lastExchangeAt(m);
      if ((m.cadence?.contactDays ?? 0) < MIN_CONTACT_DAYS || last === undefined || cut - last > ACTIVE_WITHIN)
        continue;
      eligibleSamples += 1;
      const flagged = FLAGGED_LEVELS.includes(client.risk.level);
      if (flagged) flaggedNow.add(client.key);
      const quiet = !wroteWithin(client.key, cut, cut + HORIZON);
      if (!quiet) {
        stayed += 1;
        if (flagged && !flaggedBefore.has(client.key)) alarms.push({ client: client.key, at: cut });
        continue;
      }
      const lastTheirs = m.lastInboundAt;
      // Only a silence seen from its start: their last message within the 60 days before the cut.
      if (lastTheirs === undefined || cut - lastTheirs >= HORIZON) continue;
      const known = episodes.get(client.key);
      const episode = known?.lastTheirs === lastTheirs ? known : { lastTheirs };
      if (flagged && episode.firstFlag === undefined) episode.firstFlag = cut;
      episodes.set(client.key, episode);
    }
    flaggedBefore = flaggedNow;
  };

  const result = (): Backtest => {
    const quiet = [...episodes.entries()]
      .map(([client, e]) => ({
        client,
        lastMessageAt: e.lastTheirs,
        ...(e.firstFlag !== undefined && { flaggedAt: e.firstFlag }),
      }))
      .sort((a, b) => a.lastMessageAt - b.lastMessageAt || (a.client < b.client ? -1 : 1));
    const leads = quiet.flatMap((e) =>
      e.flaggedAt === undefined ? [] : [(e.lastMessageAt + HORIZON - e.flaggedAt) / DAY],
    );
    const firstCut = cuts[0];
    const lastCut = cuts.at(-1);
    const months = firstCut === undefined || lastCut === undefined ? 0 : (lastCut - firstCut + STEP) / MONTH;
    const note: BacktestNote | undefined =
      cuts.length === 0
        ? 'too-little-history'
        : eligibleSamples === 0
          ? 'no-clients'
          : quiet.length === 0
            ? 'no-one-went-quiet'
            : stayed === 0
              ? 'no-one-stayed'
              : undefined;
    const round1 = (x: number) => Math.round(x * 10) / 10;
    return {
      model: { ...modelTag },
      flagged: { levels: [...FLAGGED_LEVELS], fromPercent: FLAGGED_FROM_PERCENT },
      stepDays: BACKTEST_STEP_DAYS,
      cuts: cuts.length,
      ...(firstCut !== undefined && { firstCut }),
      ...(lastCut !== undefined && { lastCut }),
      months: round1(months),
      wentQuiet: quiet.length,
      flaggedInTime: leads.length,
      ...(leads.length > 0 && { medianLeadDays: Math.round(median(leads)) }),
      falseAlarms: alarms.length,
      ...(months > 0 && { falseAlarmsPerMonth: round1(alarms.length / months) }),
      quiet,
      alarms: [...alarms],
      ...(note && { note }),
    };
  };

  return { cuts, replayCut, result };
}

/** The whole backtest in one call (the command line). */
export function backtestAccount(input: BacktestInput): Backtest {
  const run = startBacktest(input);
  for (let i = 0; i < run.cuts.length; i++) run.replayCut(i);
  return run.result();
}
