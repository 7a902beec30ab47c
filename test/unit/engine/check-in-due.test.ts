import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import { chanceOverTime, logOddsOverTime, thresholdCrossedAt } from '@/lib/engine/check-in-due';
import { suggestFollowUps } from '@/lib/engine/follow-ups';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { assessRisk, modelInput } from '@/lib/engine/risk';
import { FEATURE_NAMES, riskFeatures, SILENCE_VS_USUAL_CAP } from '@/lib/engine/risk-model/risk-features';
import { SHIPPED_MODEL, scoreFeatures, sigmoid } from '@/lib/engine/risk-model/risk-score';
import type { ShippedModel } from '@/lib/engine/risk-model/shipped-model';
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

/** The check-in suggested at `now` for a client with these metrics, its chance over time read from `chanceAt`. */
const checkInFor = (metrics: ClientMetrics, chanceAt: (at: number) => number, checkInPercent: number) =>
  suggestFollowUps({
    clientKey: 'k',
    metrics,
    reasons: [],
    threads: [],
    chance: chanceAt(now),
    checkInPercent,
    chanceAt,
    now,
  }).find((f) => f.kind === 'check_in');

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

  it('answers as plain halving does wherever the crossing is expected, from fewer scorings', () => {
    const plainHalving = (chanceAt: (at: number) => number, threshold: number) => {
      if (chanceAt(from) >= threshold) return from;
      let below = from;
      let reached = now;
      while (reached - below > HOUR) {
        const middle = below + Math.floor((reached - below) / 2);
        if (chanceAt(middle) >= threshold) reached = middle;
        else below = middle;
      }
      return reached;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 * DAY }),
        fc.option(fc.integer({ min: -10 * DAY, max: 110 * DAY }), { nil: undefined }),
        fc.integer({ min: 1, max: 99 }),
        (stepAt, guess, threshold) => {
          // A chance that jumps past the threshold at one moment: any monotone chance crosses like it.
          const jump = (at: number) => (at - from >= stepAt ? threshold : threshold - 1);
          let scorings = 0;
          const scored = (at: number) => {
            scorings += 1;
            return jump(at);
          };
          const chanceAt = Object.assign(scored, {
            expectedCrossing: () => (guess === undefined ? undefined : from + guess),
          });
          expect(thresholdCrossedAt(chanceAt, from, now, threshold)).toBe(plainHalving(jump, threshold));
          // Expected within a minute of the crossing: the start, either side of the guess and at most one halving step.
          if (guess !== undefined && Math.abs(guess - stepAt) < 60_000 - 1) expect(scorings).toBeLessThanOrEqual(4);
        },
      ),
    );
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
    const checkIn = checkInFor(silent, chanceAt, threshold);
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
    expect(checkInFor(metrics, chanceAfterQuiet, 5)?.dueAt).toBe(quietEnded);
  });
});

describe('the check-in over a silence past the cap on its ratio', () => {
  // A model that reads only the silence against the expected gap (7 days here): its chance is flat from the cap on.
  const ratioOnly: ShippedModel = {
    ...SHIPPED_MODEL,
    intercept: 0,
    terms: [{ feature: 'silenceVsUsual', mean: 0, scale: 1, weight: 1 }],
  };
  const chanceAt = chanceOverTime(silent, population, ratioOnly);
  const lastExchange = now - 80 * DAY;
  const capReached = lastExchange + SILENCE_VS_USUAL_CAP * 7 * DAY;
  const plateau = Math.round(sigmoid(Math.log1p(SILENCE_VS_USUAL_CAP)) * 100);
  const checkInAt = (threshold: number) => checkInFor(silent, chanceAt, threshold);

  it('is flat once the silence reaches the cap, and below it before', () => {
    expect(capReached).toBeLessThan(now);
    for (let at = capReached + HOUR; at <= now; at += 6 * HOUR) expect(chanceAt(at)).toBe(plateau);
    expect(chanceAt(capReached - 2 * DAY)).toBeLessThan(plateau);
  });

  it('still dates the check-in at the first moment the chance reached the threshold', () => {
    const due = checkInAt(plateau)?.dueAt ?? now;
    expect(due).toBeLessThanOrEqual(capReached);
    expect(chanceAt(due)).toBeGreaterThanOrEqual(plateau);
    expect(chanceAt(due - HOUR)).toBeLessThan(plateau);
  });

  it('dates none when the flat chance never reaches the threshold', () => {
    expect(checkInAt(plateau + 1)).toBeUndefined();
  });
});

describe('logOddsOverTime', () => {
  // A model reading every signal, the clock's included, with weights of both signs.
  const everySignal: ShippedModel = {
    ...SHIPPED_MODEL,
    terms: FEATURE_NAMES.map((feature, i) => ({
      feature,
      mean: 0.1 * i,
      scale: 1 + i / 7,
      weight: i % 2 === 0 ? 0.31 : -0.17,
    })),
  };
  const day = fc.integer({ min: -400, max: 0 });
  const metricsOf = fc.record({
    onThem: fc.option(day, { nil: undefined }),
    onUs: fc.option(day, { nil: undefined }),
    outside: fc.option(day, { nil: undefined }),
    quiet: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    inbound: fc.option(fc.integer({ min: -300, max: 0 }), { nil: undefined }),
  });

  it('is the full scoring’s log-odds to the last bit, at any time, for any model', () => {
    fc.assert(
      fc.property(metricsOf, fc.integer({ min: -300 * DAY, max: 100 * DAY }), (shape, offset) => {
        const metrics: ClientMetrics = {
          ...silent,
          ...(shape.inbound === undefined
            ? { lastInboundAt: undefined }
            : { lastInboundAt: now + shape.inbound * DAY }),
          waiting: {
            ...(shape.onThem !== undefined && {
              onThem: { since: now + shape.onThem * DAY, threadId: 't', messageId: 'm', threads: 1 },
            }),
            ...(shape.onUs !== undefined && {
              onUs: { since: now + shape.onUs * DAY, threadId: 't', messageId: 'm', threads: 1 },
            }),
          },
          ...(shape.outside !== undefined && { outsideContact: { count: 1, lastAt: now + shape.outside * DAY } }),
          ...(shape.quiet !== undefined && { quietUntil: now + shape.quiet * DAY }),
        };
        const at = now + offset;
        for (const model of [SHIPPED_MODEL, everySignal]) {
          const full = scoreFeatures(riskFeatures(modelInput(metrics, population, at)), model).logOdds;
          expect(logOddsOverTime(metrics, population, model)(at)).toBe(full);
        }
      }),
    );
  });
});
