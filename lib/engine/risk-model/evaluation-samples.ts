// The evaluation's samples: at monthly cut dates, every correspondent with a
// relationship before the cut, its features as of the cut (read only from the
// messages before it), the baselines' scores and what happened in the 60 days
// after. Pure: the messages and the owner in, plain records out.
import { analyzeAccount } from '../analyze';
import { DAY } from '../business-hours';
import { baseClientKey } from '../client-identity';
import type { ClientReport, PopulationModel } from '../report-types';
import type { MailMessage } from '../types';
import type { EvaluationMailbox } from './evaluation-types';
import { FEATURE_NAMES, lastExchangeAt, riskFeatures } from './risk-features';

export const HORIZON_DAYS = 60;
const HORIZON = HORIZON_DAYS * DAY;
export const STEP = 30 * DAY;
/** The first cut leaves this much history before it. */
export const WARM_UP = 90 * DAY;
/** A correspondent counts from this many days on which they wrote, before the cut. */
export const MIN_CONTACT_DAYS = 3;
/** …and with an exchange either way in the 180 days before it (a relationship still going). */
export const ACTIVE_WITHIN = 180 * DAY;

export interface Sample {
  mailbox: string;
  cut: number;
  client: string;
  /** In FEATURE_NAMES order. */
  features: number[];
  baselines: { daysSinceLastContact: number; contactDays: number; pAliveGap: number; silenceRatio: number };
  /** Primary label: nothing from the client in the next 60 days. */
  quiet: boolean;
  /** Secondary label: no message either way in the next 60 days. */
  noContact: boolean;
}

/**
 * The mailbox's span as its 5th to 99th percentile of message times: some
 * messages carry bogus years (1902, 1979, 2020), in one mailbox more than one
 * in a hundred, which would stretch it by decades.
 */
export function activeSpan(messages: readonly MailMessage[]): { start: number; end: number } | undefined {
  const times = messages.map((m) => m.at).sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * (times.length - 1)))] ?? 0;
  return { start: at(0.05), end: at(0.99) };
}

/** How many of `sorted` (ascending by `timeOf`) are at or before `at`: the index of the first one after it. */
export function countUpTo<T>(sorted: readonly T[], at: number, timeOf: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeOf(sorted[mid] as T) <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first message after `at` in messages sorted by time. */
export function firstAfter(messages: readonly MailMessage[], at: number): number {
  return countUpTo(messages, at, (m) => m.at);
}

/** Monthly cuts with 180 days of history before each and the 60-day horizon inside the span. */
export function cutDates(messages: readonly MailMessage[]): number[] {
  const span = activeSpan(messages);
  if (!span) return [];
  const cuts: number[] = [];
  for (let cut = span.start + WARM_UP; cut + HORIZON <= span.end; cut += STEP) cuts.push(cut);
  return cuts;
}

/** Each person a client of their own: the evaluation ranks correspondents, not organisations. */
function everyoneApart(messages: readonly MailMessage[]): string[] {
  const addresses = new Set(messages.flatMap((m) => [m.from, ...m.to, ...m.cc].map((a) => a.email)));
  return [...addresses].filter((a) => baseClientKey(a) !== a);
}

export function mailboxSamples(mailbox: EvaluationMailbox): Sample[] {
  const messages = [...mailbox.messages].sort((a, b) => a.at - b.at);
  const me = new Set(mailbox.me);
  const splitAddresses = everyoneApart(messages);
  const samples: Sample[] = [];
  for (const cut of cutDates(messages)) {
    const before = messages.filter((m) => m.at <= cut);
    const after = messages.filter((m) => m.at > cut && m.at <= cut + HORIZON);
    const wrote = new Set(after.map((m) => m.from.email));
    const reached = new Set(
      after
        .filter((m) => me.has(m.from.email))
        .flatMap((m) => [...m.to, ...m.cc])
        .map((a) => a.email),
    );
    const analysis = analyzeAccount({
      messages: before,
      identity: { addresses: [...mailbox.me], internalDomains: [] },
      now: cut,
      overrides: { splitAddresses },
    });
    for (const client of analysis.clients) {
      const sample = clientSample(client, analysis.population, { mailbox: mailbox.name, cut, wrote, reached });
      if (sample) samples.push(sample);
    }
  }
  return samples;
}

/** Who wrote in the horizon after a cut, and whom we wrote to. */
export interface Outcomes {
  mailbox: string;
  cut: number;
  wrote: ReadonlySet<string>;
  reached: ReadonlySet<string>;
}

/** One client's sample at a cut, or undefined when it has too little history or none recent enough. */
export function clientSample(
  client: ClientReport,
  population: PopulationModel,
  outcomes: Outcomes,
): Sample | undefined {
  const { cut, wrote, reached } = outcomes;
  const m = client.metrics;
  const last = lastExchangeAt(m);
  if ((m.cadence?.contactDays ?? 0) < MIN_CONTACT_DAYS || last === undefined || cut - last > ACTIVE_WITHIN)
    return undefined;
  const features = riskFeatures({ metrics: m, population, now: cut });
  const quiet = !client.addresses.some((a) => wrote.has(a));
  return {
    mailbox: outcomes.mailbox,
    cut,
    client: client.key,
    features: FEATURE_NAMES.map((name) => features[name]),
    baselines: {
      daysSinceLastContact: (cut - last) / DAY,
      contactDays: m.cadence?.contactDays ?? 0,
      pAliveGap: 1 - (m.bgnbd?.pAlive ?? 1),
      silenceRatio: m.cadence?.silenceRatio ?? 0,
    },
    quiet,
    noContact: quiet && !client.addresses.some((a) => reached.has(a)),
  };
}
