import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { assessRisk, riskLevel, valueFactor } from '@/lib/engine/risk';
import { riskFeatures, SILENCE_VS_USUAL_CAP } from '@/lib/engine/risk-model/risk-features';
import { SHIPPED_MODEL, scoreFeatures } from '@/lib/engine/risk-model/risk-score';
import { DAY, HOUR } from './mail-builders';

const now = 1_000 * DAY;
const population: PopulationModel = {
  cadence: DEFAULT_CADENCE_PRIOR,
  ourReplyBusinessMs: { median: 2 * HOUR, p90: 6 * HOUR },
  activity: { last30: 100, previous90: 300 },
};
const stats = (medianMs: number, p90Ms: number, count = 10) => ({
  count,
  medianMs,
  p90Ms,
  medianBusinessMs: medianMs,
  p90BusinessMs: p90Ms,
});
const cadence = (contactDays: number, usualGapDays = 7) => ({
  contactDays,
  lastContactDay: 998,
  gaps: contactDays - 1,
  usualGapDays,
  unusualGapDays: usualGapDays * 3,
  silenceDays: 2,
  silenceRatio: 0.1,
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
    cadence: cadence(40),
    trend: { last30: 4, previous90: 12, expected30: 4, ratio: 1 },
    cues: [],
    onboarding: { active: false, daysSinceFirstSeen: 400 },
    ...overrides,
  };
}

const fading = metrics({
  lastInboundAt: now - 120 * DAY,
  lastOutboundAt: now - 125 * DAY,
  cadence: { ...cadence(4), silenceDays: 120, silenceRatio: 6 },
  bgnbd: { x: 3, tx: 10, T: 57, pAlive: 0.2 },
  trend: { last30: 0, previous90: 0, expected30: 0 },
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

describe('the chance of going quiet', () => {
  it('is the shipped model’s chance in percent, low and reasonless for a client in steady contact', () => {
    const risk = assessRisk(metrics(), {}, population, now);
    const chance = scoreFeatures(riskFeatures({ metrics: metrics(), population, now })).chance;
    expect(risk.score).toBe(Math.round(chance * 100));
    expect(risk.level).toBe('low');
    expect(risk.reasons).toEqual([]);
    expect(risk.model).toEqual({ commit: SHIPPED_MODEL.fitted.commit, horizonDays: 60 });
  });

  it('explains a fading client term by term, each with its share and what ends it', () => {
    const risk = assessRisk(fading, {}, population, now);
    expect(risk.level).toBe('critical');
    const modelled = risk.reasons.filter((r) => r.weight > 0);
    expect(modelled.map((r) => r.kind)).toEqual(['silence', 'declining', 'few_contacts']);
    expect(modelled.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(100, 0);
    expect(risk.reasons.map((r) => r.weight)).toEqual([...risk.reasons.map((r) => r.weight)].sort((a, b) => b - a));
    const silence = risk.reasons[0];
    expect(silence?.text).toBe(
      'last exchange 120 days ago (their message) — expected about every 7 days: they usually write every 7 days, your clients every 7 days',
    );
    expect(silence?.numbers).toMatchObject({ silenceDays: 120, expectedGapDays: 7, lastFromThem: true });
    expect(silence?.ends).toMatchObject({ by: 'their_message', removes: true });
    // What ends it is the model's own chance for the client had they written just now.
    const answered = assessRisk(
      {
        ...fading,
        lastInboundAt: now,
        inbound: fading.inbound + 1,
        cadence: { ...cadence(5), silenceDays: 0, silenceRatio: 0 },
        trend: { ...fading.trend, last30: 1 },
      },
      {},
      population,
      now,
    );
    expect(Math.round((silence?.ends?.chance ?? 0) * 100)).toBe(answered.score);
    expect(answered.score).toBeLessThan(risk.score);
    expect(risk.reasons.find((r) => r.kind === 'few_contacts')?.text).toBe(
      'only 4 days of contact so far, the first 400 days ago',
    );
    // A client who never wrote back: the reason says so rather than "only 0 days".
    const neverWrote = assessRisk(
      { ...fading, inbound: 0, lastInboundAt: undefined, cadence: undefined },
      {},
      population,
      now,
    );
    expect(neverWrote.reasons.find((r) => r.kind === 'few_contacts')?.text).toBe(
      'no message from them yet; you first wrote 400 days ago',
    );
    expect(neverWrote.reasons.find((r) => r.kind === 'silence')?.text).toMatch(
      / — no message from them yet; your clients usually write every \d+ days$/,
    );
    // Nor "0 messages from them in the last 30 days and 0 in the 90 days before".
    expect(neverWrote.reasons.find((r) => r.kind === 'declining')?.text).toBe(
      'no message from them in the last 120 days',
    );
    expect(assessRisk(fading, {}, population, now)).toEqual(risk);
  });

  it('says a client who never answered us has not, rather than quoting a default reply time as theirs', () => {
    const onThem = { since: now - 34 * DAY, threadId: 't', messageId: 'm', threads: 1 };
    const wait = (latency: ClientMetrics['latency']) =>
      assessRisk({ ...fading, latency, cadence: undefined, waiting: { onThem } }, {}, population, now).reasons.find(
        (r) => r.kind === 'waiting_on_them',
      );
    const never = wait({ ...fading.latency, theirs: { count: 0 } });
    expect(never?.text).toBe('no answer to your message for 34 d — they have not answered a message of yours yet');
    expect(never?.numbers).toMatchObject({ noReplyYet: true });
    const known = wait(fading.latency);
    expect(known?.text).toBe('no answer to your message for 34 d — they usually answer within 2 d');
    expect(known?.numbers).not.toHaveProperty('noReplyYet');
  });

  it('keeps a cue and a wait on us as reasons to act that do not raise the chance', () => {
    const cue = risk(fading).reasons.find((r) => r.kind === 'cancellation');
    expect(cue).toMatchObject({ weight: 0, urgent: true, ends: { by: 'our_reply' } });
    expect(cue?.text).toBe('they asked about cancelling 14 days ago: "cancel our contract"');
    expect(risk({ ...fading, cues: [] }).score).toBe(risk(fading).score);

    const waiting = metrics({
      waiting: { onUs: { since: now - (2 * DAY + 4 * HOUR), threadId: 't9', messageId: 'm9', threads: 1 } },
      waitingOnUsBusinessMs: 20 * HOUR,
    });
    const onUs = risk(waiting).reasons.find((r) => r.kind === 'waiting_on_us');
    expect(onUs).toMatchObject({ weight: 0, urgent: true, threadId: 't9', messageId: 'm9' });
    expect(onUs?.ends?.by).toBe('our_reply');
    expect(risk(waiting).score).toBe(risk(metrics()).score);
    // The user's reply-time target counts when it is shorter than their usual time for this client.
    const early = metrics({ ...waiting, waitingOnUsBusinessMs: 5 * HOUR });
    expect(risk(early).reasons).toEqual([]);
    const target = assessRisk(early, {}, population, now, 4 * HOUR).reasons[0];
    expect(target?.numbers).toMatchObject({ usualReplyBusinessMs: 4 * HOUR, targetBusinessMs: 4 * HOUR });
    expect(target?.text).toBe(
      'waiting 2 d 4 h for your reply (5 h of working time) — you usually answer this client in 5 h; your target is 4 h of working time',
    );
  });

  it('switches fading reasons off while silence is expected, but not a cue', () => {
    const quiet = assessRisk({ ...fading, quietUntil: now + DAY }, {}, population, now);
    expect(quiet.reasons.map((r) => r.kind)).toEqual(['cancellation']);
    expect(quiet.score).toBeLessThan(risk(fading).score);
  });

  it('counts silence from the last exchange either way', () => {
    const ours = risk(metrics({ lastInboundAt: now - 60 * DAY, lastOutboundAt: now - 2 * DAY, cadence: cadence(10) }));
    const theirs = risk(
      metrics({ lastInboundAt: now - 60 * DAY, lastOutboundAt: now - 60 * DAY, cadence: cadence(10) }),
    );
    expect(ours.score).toBeLessThan(theirs.score);
    const silence = theirs.reasons.find((r) => r.kind === 'silence');
    expect(silence?.numbers).toMatchObject({ silenceDays: 60, lastFromThem: true });
  });

  it('rises when the whole account quietens, and says so with what ends it', () => {
    const quietAccount = { ...population, activity: { last30: 10, previous90: 300 } };
    const steady = risk(fading);
    const quieter = assessRisk(fading, {}, quietAccount, now);
    expect(quieter.score).toBeGreaterThan(steady.score);
    const reason = quieter.reasons.find((r) => r.kind === 'account_quiet');
    expect(reason?.numbers).toEqual({ last30: 10, expected30: 100 });
    expect(reason?.ends?.by).toBe('usual_mail');
    expect(Math.round((reason?.ends?.chance ?? 0) * 100)).toBe(steady.score);
  });

  it('never changes the chance for a tier or value: that orders what to act on', () => {
    expect(assessRisk(fading, { tier: 'key' }, population, now).score).toBe(risk(fading).score);
    expect(assessRisk(fading, { tier: 'key' }, population, now).valueFactor).toBe(1.3);
    expect(valueFactor({ value: 4000 }, 1000)).toBeCloseTo(1.3, 5);
    expect(valueFactor({ value: 250 }, 1000)).toBeCloseTo(0.75, 5);
    expect(valueFactor({ value: 1000 }, undefined)).toBe(1);
    expect(valueFactor({ tier: 'minor', value: 1e6 }, 1)).toBe(0.75);
  });

  it('stops the silence against the usual gap at the cap, and still tells the whole silence', () => {
    const silentFor = (days: number) =>
      metrics({
        lastInboundAt: now - days * DAY,
        lastOutboundAt: now - (days + 5) * DAY,
        cadence: { ...cadence(40), silenceDays: days, silenceRatio: days / 7 },
      });
    const ratioTerm = (days: number) => riskFeatures({ metrics: silentFor(days), population, now }).silenceVsUsual;
    expect(ratioTerm(35)).toBeCloseTo(Math.log1p(5), 9);
    expect(ratioTerm(7 * SILENCE_VS_USUAL_CAP)).toBeCloseTo(Math.log1p(SILENCE_VS_USUAL_CAP), 9);
    expect(ratioTerm(140)).toBe(Math.log1p(SILENCE_VS_USUAL_CAP));
    expect(ratioTerm(280)).toBe(ratioTerm(140));
    // The days of silence still count, and the reason states them in full: 140 days against 7 is twenty gaps.
    expect(risk(silentFor(280)).score).toBeGreaterThan(risk(silentFor(140)).score);
    const reason = risk(silentFor(140)).reasons.find((r) => r.kind === 'silence');
    expect(reason?.text).toBe(
      'last exchange 140 days ago (their message) — expected about every 7 days: they usually write every 7 days, your clients every 7 days',
    );
    const numbers = reason?.kind === 'silence' ? reason.numbers : undefined;
    expect((numbers?.silenceDays ?? 0) / (numbers?.expectedGapDays ?? 1)).toBeCloseTo(20, 9);
    // Their message ends it whatever the ratio was: the capped term is gone with the silence.
    expect(reason?.ends).toMatchObject({ by: 'their_message', removes: true });
  });

  it('reads who starts the conversations with one imagined each way, and the spread of gaps or the account’s', () => {
    const features = (overrides: Partial<ClientMetrics>) =>
      riskFeatures({ metrics: metrics(overrides), population, now });
    expect(features({}).theyStart).toBe(0.5);
    expect(features({ threadsTheyStarted: 1, threadsWeStarted: 0 }).theyStart).toBeCloseTo(2 / 3, 12);
    expect(features({ threadsTheyStarted: 1, threadsWeStarted: 11 }).theyStart).toBeCloseTo(2 / 14, 12);
    expect(features({ cadence: { ...cadence(40), logGapSpread: 0.4 } }).gapSpread).toBe(0.4);
    const { cadence: _, ...withoutCadence } = metrics();
    expect(riskFeatures({ metrics: withoutCadence, population, now }).gapSpread).toBe(
      Math.sqrt(DEFAULT_CADENCE_PRIOR.sigma2),
    );
  });

  it('maps chances to levels', () => {
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

function risk(m: ClientMetrics) {
  return assessRisk(m, {}, population, now);
}
