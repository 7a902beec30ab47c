// Signals of the whole account as of a cut date, tried beside the shipped
// model's signals to see whether any of them tells which months go quiet
// (test/bench/risk-candidates.ts). Each is read from the messages up to the
// cut and no later: whatever the archive holds after it cannot move them.
// Pure: messages, the owner and the cut in, numbers out.
import { DAY } from '../business-hours';
import type { MailMessage } from '../types';
import { ACTIVE_WITHIN, countUpTo, HORIZON_DAYS, MIN_CONTACT_DAYS, STEP } from './evaluation-samples';

export const ACCOUNT_SIGNAL_NAMES = [
  /** log of the account's messages in the last 14 days against their rate in the 90 days before. */
  'mailTrend14',
  /** The same over the last 30 days. */
  'mailTrend30',
  /** The same over the last 30 days, the owner's own sent messages only. */
  'ownSendingTrend30',
  /** log(1 + days since the account last received a message); 180 days when it never did. */
  'sinceReceived',
  /** The share of its correspondents whose silence is longer than their usual gap. */
  'pastUsualGap',
  /** log(1 + its correspondents). */
  'correspondents',
  /** The share of its correspondents who went quiet at the earlier cut dates whose 60 days have passed, smoothed. */
  'earlierQuietShare',
] as const;

export type AccountSignalName = (typeof ACCOUNT_SIGNAL_NAMES)[number];
export type AccountSignals = Record<AccountSignalName, number>;

const HORIZON = HORIZON_DAYS * DAY;
const BEFORE_WINDOW_DAYS = 90;
/** The earlier cut dates looked at: monthly, over the year before the latest whose outcome is known. */
const EARLIER_CUTS = 12;

/** The number of sorted times t with from < t ≤ to. */
function countIn(times: readonly number[], from: number, to: number): number {
  return upTo(times, to) - upTo(times, from);
}

/** The number of sorted times at or before `at`. */
const upTo = (times: readonly number[], at: number) => countUpTo(times, at, (t) => t);

function trend(times: readonly number[], cut: number, days: number): number {
  const window = days * DAY;
  const recent = countIn(times, cut - window, cut);
  const before = countIn(times, cut - window - BEFORE_WINDOW_DAYS * DAY, cut - window);
  return Math.log((recent + 1) / ((before * days) / BEFORE_WINDOW_DAYS + 1));
}

/** One correspondent's messages to the account and the account's to them, sorted times, and the days they wrote. */
interface Correspondent {
  theirs: number[];
  ours: number[];
  days: number[];
}

function correspondentsOf(messages: readonly MailMessage[], me: ReadonlySet<string>): Correspondent[] {
  const byAddress = new Map<string, Correspondent>();
  const of = (address: string) => {
    let c = byAddress.get(address);
    if (!c) {
      c = { theirs: [], ours: [], days: [] };
      byAddress.set(address, c);
    }
    return c;
  };
  for (const m of messages) {
    if (!me.has(m.from.email)) of(m.from.email).theirs.push(m.at);
    else for (const a of [...m.to, ...m.cc]) if (!me.has(a.email)) of(a.email).ours.push(m.at);
  }
  const all = [...byAddress.values()];
  for (const c of all) c.days = [...new Set(c.theirs.map((t) => Math.floor(t / DAY)))];
  return all;
}

/** Whether the correspondent had a relationship still going at `at`, from their messages up to it. */
function activeAt(c: Correspondent, at: number): boolean {
  const wrote = upTo(c.theirs, at);
  if (upTo(c.days, Math.floor(at / DAY)) < MIN_CONTACT_DAYS || wrote === 0) return false;
  const last = Math.max(c.theirs[wrote - 1] ?? 0, c.ours[upTo(c.ours, at) - 1] ?? Number.NEGATIVE_INFINITY);
  return at - last <= ACTIVE_WITHIN;
}

/** Whether the days since they last wrote exceed the median gap between the days they wrote, up to `at`. */
function pastTheirGap(c: Correspondent, at: number): boolean {
  const days = c.days.slice(0, upTo(c.days, Math.floor(at / DAY)));
  const gaps = days
    .slice(1)
    .map((d, i) => d - (days[i] ?? d))
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor((gaps.length - 1) / 2)] ?? 0;
  return (at - (c.theirs[upTo(c.theirs, at) - 1] ?? at)) / DAY > usual;
}

/** Of the correspondents active at each earlier cut whose 60 days end by `cut`, those who wrote nothing in them. */
function earlierQuietShare(correspondents: readonly Correspondent[], cut: number): number {
  let active = 0;
  let quiet = 0;
  for (let k = 0; k < EARLIER_CUTS; k++) {
    const earlier = cut - HORIZON - k * STEP;
    for (const c of correspondents) {
      if (!activeAt(c, earlier)) continue;
      active += 1;
      if (countIn(c.theirs, earlier, earlier + HORIZON) === 0) quiet += 1;
    }
  }
  // Smoothed toward one half, so an account with no known outcome yet reads 0.5, not 0 or NaN.
  return (quiet + 1) / (active + 2);
}

/** The account's signals as of `cut`, read from its messages at or before it. */
export function accountSignals(messages: readonly MailMessage[], me: readonly string[], cut: number): AccountSignals {
  const owner = new Set(me);
  const before = messages.filter((m) => m.at <= cut).sort((a, b) => a.at - b.at);
  const times = before.map((m) => m.at);
  const sent = before.filter((m) => owner.has(m.from.email)).map((m) => m.at);
  const received = before.filter((m) => !owner.has(m.from.email));
  const lastReceived = received[received.length - 1]?.at;
  const correspondents = correspondentsOf(before, owner);
  const active = correspondents.filter((c) => activeAt(c, cut));
  return {
    mailTrend14: trend(times, cut, 14),
    mailTrend30: trend(times, cut, 30),
    ownSendingTrend30: trend(sent, cut, 30),
    sinceReceived: Math.log1p(lastReceived === undefined ? ACTIVE_WITHIN / DAY : (cut - lastReceived) / DAY),
    pastUsualGap: active.length === 0 ? 0 : active.filter((c) => pastTheirGap(c, cut)).length / active.length,
    correspondents: Math.log1p(active.length),
    earlierQuietShare: earlierQuietShare(correspondents, cut),
  };
}
