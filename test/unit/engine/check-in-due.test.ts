import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import { chanceOverTime, thresholdCrossedAt } from '@/lib/engine/check-in-due';
import { suggestFollowUps } from '@/lib/engine/follow-ups';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { assessRisk } from '@/lib/engine/risk';
import { DAY, HOUR } from './mail-builders';

const now = 1_000 * DAY;
const population: PopulationModel = {
  cadence: DEFAULT_CADENCE_PRIOR,
  ourReplyBusinessMs: { median: 2 * HOUR, p90: 6 * HOUR },
  activity: { last30: 100, previous90: 300 },
};
const stats = (medianMs: number, p90Ms: number) => ({
  count: 10,
  medianMs,
  p90Ms,
  medianBusinessMs: medianMs,
  p90BusinessMs: p90Ms,
});

/** A client of a year who wrote every week or so, silent for 80 days since their last message. */
const silent: ClientMetrics = {
  firstSeenAt: now - 400 * DAY,
  lastInboundAt: now - 80 * DAY,
  lastOutboundAt: now - 81 * DAY,
  inbound: 40,
  outbound: 40,
  latency: { ours: stats(5 * HOUR, 8 * HOUR), theirs: stats(DAY, 2 * DAY) },
  recentOurLatency: { count: 0 },
  earlierOurLatency: stats(5 * HOUR, 8 * HOUR),
  waiting: {},
  cadence: {
    contactDays: 40,
    lastContactDay: 920,
    gaps: 39,
    usualGapDays: 7,
    unusualGapDays: 21,
    silenceDays: 80,
    silenceRatio: 11,
  },
  trend: { last30: 0, previous90: 2, expected30: 4, ratio: 0 },
  cues: [],
  onboarding: { active: false, daysSinceFirstSeen: 400 },
};

describe('thresholdCrossedAt', () => {
  // One point of chance per day since `from`.
  const from = now - 100 * DAY;
  const perDay = (at: number) => Math.floor((at - from) / DAY);

  it('finds the first moment the chance reached the threshold, to the hour', () => {
    const crossed = thresholdCrossedAt(perDay, from, now, 40);
    expect(crossed).toBeGreaterThanOrEqual(from + 40 * DAY);
    expect(crossed - (from + 40 * DAY)).toBeLessThanOrEqual(HOUR);
    expect(perDay(crossed)).toBeGreaterThanOrEqual(40);
  });

  it('is the start when the chance was already there, and now when it only just is', () => {
    expect(thresholdCrossedAt(() => 70, from, now, 50)).toBe(from);
    expect(thresholdCrossedAt((at) => (at >= now ? 50 : 10), from, now, 50)).toBe(now);
    expect(thresholdCrossedAt(() => 70, now, now, 50)).toBe(now);
  });
});

describe('chanceOverTime', () => {
  const chanceAt = chanceOverTime(silent, population);

  it('is the chance the risk shows now, and only grows with the silence', () => {
    expect(chanceAt(now)).toBe(assessRisk(silent, {}, population, now).score);
    let previous = -1;
    for (let at = now - 80 * DAY; at <= now; at += DAY) {
      expect(chanceAt(at)).toBeGreaterThanOrEqual(previous);
      previous = chanceAt(at);
    }
  });

  it('dates a check-in when the chance crossed the threshold, not when it was noticed', () => {
    const threshold = Math.max(5, chanceAt(now) - 10);
    const [checkIn] = suggestFollowUps({
      clientKey: 'k',
      metrics: silent,
      reasons: [],
      threads: [],
      chance: chanceAt(now),
      checkInPercent: threshold,
      chanceAt,
      now,
    }).filter((f) => f.kind === 'check_in');
    expect(checkIn).toBeDefined();
    const due = checkIn?.dueAt ?? now;
    expect(due).toBeLessThan(now);
    expect(due).toBeGreaterThan(now - 80 * DAY);
    expect(chanceAt(due)).toBeGreaterThanOrEqual(threshold);
    expect(chanceAt(due - HOUR)).toBeLessThan(threshold);
  });

  it('counts from the end of a silence the user expected, not from before it', () => {
    const quietEnded = now - 5 * DAY;
    const metrics = { ...silent, quietUntil: quietEnded };
    const chanceAfterQuiet = chanceOverTime(metrics, population);
    // While quiet, the model reads the client as just heard from.
    expect(chanceAfterQuiet(quietEnded - DAY)).toBeLessThan(chanceAfterQuiet(quietEnded));
    const [checkIn] = suggestFollowUps({
      clientKey: 'k',
      metrics,
      reasons: [],
      threads: [],
      chance: chanceAfterQuiet(now),
      checkInPercent: 5,
      chanceAt: chanceAfterQuiet,
      now,
    }).filter((f) => f.kind === 'check_in');
    expect(checkIn?.dueAt).toBe(quietEnded);
  });
});
