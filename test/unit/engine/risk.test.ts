import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { assessRisk, riskLevel, valueFactor } from '@/lib/engine/risk';
import { DAY, HOUR } from './mail-builders';

const now = 1_000 * DAY;
const population: PopulationModel = {
  cadence: DEFAULT_CADENCE_PRIOR,
  ourReplyBusinessMs: { median: 2 * HOUR, p90: 6 * HOUR },
};
const stats = (medianMs: number, p90Ms: number, count = 10) => ({
  count,
  medianMs,
  p90Ms,
  medianBusinessMs: medianMs,
  p90BusinessMs: p90Ms,
});

function metrics(overrides: Partial<ClientMetrics> = {}): ClientMetrics {
  return {
    firstSeenAt: now - 400 * DAY,
    lastInboundAt: now - 2 * DAY,
    lastOutboundAt: now - 1 * DAY,
    inbound: 40,
    outbound: 40,
    latency: { ours: stats(5 * HOUR, 8 * HOUR), theirs: stats(DAY, 2 * DAY) },
    recentOurLatency: { count: 0 },
    earlierOurLatency: stats(5 * HOUR, 8 * HOUR),
    waiting: {},
    trend: { last30: 4, previous90: 12, expected30: 4, ratio: 1 },
    cues: [],
    onboarding: { active: false, daysSinceFirstSeen: 400 },
    ...overrides,
  };
}

describe('risk', () => {
  it('is low and reasonless for a healthy client', () => {
    expect(assessRisk(metrics(), {}, population, now)).toEqual({ score: 0, level: 'low', reasons: [], valueFactor: 1 });
  });

  it('explains waiting on us with its numbers, and weighs it more during onboarding', () => {
    const waiting = metrics({
      waiting: { onUs: { since: now - (2 * DAY + 4 * HOUR), threadId: 't9', messageId: 'm9', threads: 1 } },
      waitingOnUsBusinessMs: 20 * HOUR,
    });
    const risk = assessRisk(waiting, {}, population, now);
    const reason = risk.reasons[0];
    expect(reason?.kind).toBe('waiting_on_us');
    expect(reason?.text).toBe(
      'waiting 2 d 4 h for your reply (20 h of working time) — you usually answer this client in 5 h',
    );
    expect(reason?.numbers).toMatchObject({ waitingBusinessMs: 20 * HOUR, usualReplyMs: 5 * HOUR, threads: 1 });
    // 4 + 6·log2(20 h / 8 h) ≈ 11.9, capped at 10: a client waiting on a reply is engaged.
    expect(reason?.weight).toBe(10);
    expect(reason).toMatchObject({ threadId: 't9', messageId: 'm9' });
    const onboarding = assessRisk(
      { ...waiting, onboarding: { active: true, daysSinceFirstSeen: 20 } },
      {},
      population,
      now,
    );
    expect(onboarding.reasons[0]?.weight).toBe(15);
    // The user's reply-time target counts when it is shorter than their usual time for this client.
    const early = metrics({ ...waiting, waitingOnUsBusinessMs: 5 * HOUR });
    expect(assessRisk(early, {}, population, now).reasons).toEqual([]);
    const target = assessRisk(early, {}, population, now, 4 * HOUR).reasons[0];
    expect(target?.numbers).toMatchObject({ usualReplyBusinessMs: 4 * HOUR, targetBusinessMs: 4 * HOUR });
    expect(target?.text).toBe(
      'waiting 2 d 4 h for your reply (5 h of working time) — you usually answer this client in 5 h; your target is 4 h of working time',
    );
    expect(onboarding.reasons[0]?.onboarding).toBe(true);
    expect(onboarding.score).toBeGreaterThan(risk.score);
  });

  it('combines silence, P(alive) and cues, strongest first, and is deterministic', () => {
    const fading = metrics({
      lastInboundAt: now - 120 * DAY,
      lastOutboundAt: now - 125 * DAY,
      cadence: {
        contactDays: 20,
        lastContactDay: 880,
        gaps: 19,
        usualGapDays: 7,
        unusualGapDays: 20,
        silenceDays: 120,
        silenceRatio: 6,
      },
      bgnbd: { x: 19, tx: 40, T: 57, pAlive: 0.2 },
      trend: { last30: 0, previous90: 9, expected30: 3, ratio: 0 },
      cues: [
        {
          kind: 'cancellation',
          phrase: 'cancel our contract',
          field: 'snippet',
          messageId: 'c1',
          threadId: 't1',
          at: now - 14 * DAY,
          weight: 0.5,
          answered: false,
        },
      ],
    });
    const risk = assessRisk(fading, {}, population, now);
    expect(risk.reasons.map((r) => r.kind)).toEqual(['silence', 'cancellation', 'declining', 'low_p_alive']);
    expect(risk.reasons.map((r) => r.weight)).toEqual([...risk.reasons.map((r) => r.weight)].sort((a, b) => b - a));
    expect(risk.reasons[0]?.text).toBe(
      'last exchange 120 days ago (their message) — expected about every 7 days: they usually write every 7 days, your clients every 7 days',
    );
    expect(risk.reasons[0]?.numbers).toMatchObject({ silenceDays: 120, expectedGapDays: 7, lastFromThem: true });
    expect(risk.reasons[1]?.text).toBe('they asked about cancelling 14 days ago: "cancel our contract"');
    expect(risk.reasons[3]?.text).toContain('20% chance');
    // Fading family min(70, 25·log2(1 + 120/7)) + 0.25·(30 + 15) = 81.25, with the cue's 30: 100·(1 − 0.1875·0.7) ≈ 87.
    expect(risk.score).toBe(87);
    expect(risk.level).toBe('critical');
    expect(assessRisk(fading, {}, population, now)).toEqual(risk);
    // Expected silence switches the fading signals off but not the cue.
    const quiet = assessRisk({ ...fading, quietUntil: now + DAY }, {}, population, now);
    expect(quiet.reasons.map((r) => r.kind)).toEqual(['cancellation']);
  });

  it('counts silence from the last exchange either way, against a gap shrunk toward the account', () => {
    const population30 = { ...population, cadence: { ...DEFAULT_CADENCE_PRIOR, mu: Math.log(30) } };
    const cadence = {
      contactDays: 10,
      lastContactDay: 990,
      gaps: 9,
      usualGapDays: 3,
      unusualGapDays: 8,
      silenceDays: 10,
      silenceRatio: 1.25,
    };
    const ours = assessRisk(
      metrics({ lastInboundAt: now - 10 * DAY, lastOutboundAt: now - 2 * DAY, cadence }),
      {},
      population30,
      now,
    );
    const silence = ours.reasons.find((r) => r.kind === 'silence');
    // Expected gap √(3 · 30) ≈ 9.5 days; two days since our message: 25·log2(1 + 2/9.5) ≈ 6.9.
    expect(silence?.numbers).toMatchObject({ silenceDays: 2, lastFromThem: false });
    expect(silence?.weight).toBeCloseTo(25 * Math.log2(1 + 2 / Math.sqrt(90)), 1);
    expect(silence?.text).toMatch(/^last exchange 2 days ago \(yours\) — expected about every 9 days/);
  });

  it('weighs a relationship of one or two contact days', () => {
    const one = {
      contactDays: 1,
      lastContactDay: 998,
      gaps: 0,
      usualGapDays: 7,
      unusualGapDays: 20,
      silenceDays: 2,
      silenceRatio: 0.1,
    };
    const risk = assessRisk(
      metrics({ firstSeenAt: now - 2 * DAY, lastInboundAt: now - 2 * DAY, lastOutboundAt: undefined, cadence: one }),
      {},
      population,
      now,
    );
    const few = risk.reasons.find((r) => r.kind === 'few_contacts');
    expect(few).toMatchObject({ weight: 20, numbers: { contactDays: 1, firstSeenDaysAgo: 2 } });
    expect(few?.text).toBe(
      'only one day of contact so far, the first 2 days ago — a relationship that has not taken hold yet',
    );
    expect(risk.reasons.find((r) => r.kind === 'silence')?.text).toContain('a single day of contact so far');
  });

  it('scales by tier or value', () => {
    const m = metrics({
      cues: [
        {
          kind: 'complaint',
          phrase: 'unhappy',
          field: 'subject',
          messageId: 'x',
          threadId: 't',
          at: now,
          weight: 1,
          answered: true,
        },
      ],
    });
    const plain = assessRisk(m, {}, population, now);
    const key = assessRisk(m, { tier: 'key' }, population, now);
    expect(plain.reasons[0]?.weight).toBe(24);
    expect(plain.reasons[0]?.text).toContain('(you have answered since)');
    expect(key.reasons[0]?.weight).toBeCloseTo(24 * 1.3, 5);
    expect(key.score).toBeGreaterThan(plain.score);
    expect(valueFactor({ value: 4000 }, 1000)).toBeCloseTo(1.3, 5);
    expect(valueFactor({ value: 250 }, 1000)).toBeCloseTo(0.75, 5);
    expect(valueFactor({ value: 1000 }, undefined)).toBe(1);
    expect(valueFactor({ tier: 'minor', value: 1e6 }, 1)).toBe(0.75);
  });

  it('maps scores to levels', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(riskLevel)).toEqual([
      'low',
      'low',
      'watch',
      'watch',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});
