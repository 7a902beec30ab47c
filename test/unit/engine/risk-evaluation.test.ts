import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import {
  auc,
  brierScore,
  calibrationByDecile,
  shareOfPairsWithinGroups,
  withinGroupAuc,
} from '@/lib/engine/risk-model/evaluation-metrics';
import { cutDates, mailboxSamples, type Sample } from '@/lib/engine/risk-model/evaluation-samples';
import type { EvaluationMailbox } from '@/lib/engine/risk-model/evaluation-types';
import { FitError, fitLogistic, type LogisticModel } from '@/lib/engine/risk-model/logistic-fit';
import { crossValidate, evaluateAccount, evaluateRisk } from '@/lib/engine/risk-model/risk-evaluation';
import { FEATURE_NAMES } from '@/lib/engine/risk-model/risk-features';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { DAY, mail } from './mail-builders';

const T0 = Date.UTC(2024, 0, 1);
const OWNER = 'owner@firm.example';

/**
 * A mailbox of `people` correspondents over `days` days: each writes every
 * few days and we answer; the odd-numbered ones stop writing at `stopDay`.
 */
function syntheticMailbox(name: string, people: number, days = 420, stopDay = 240): EvaluationMailbox {
  const messages = [];
  for (let p = 0; p < people; p++) {
    const who = `p${p}@client${p}.example`;
    const gap = 3 + (p % 5);
    const last = p % 2 === 1 ? stopDay : days;
    for (let d = p % 3; d < last; d += gap) {
      messages.push(mail({ from: who, to: [OWNER], at: T0 + d * DAY, threadId: `${name}-${p}-${d}` }));
      messages.push(mail({ from: OWNER, to: [who], at: T0 + d * DAY + 3_600_000, threadId: `${name}-${p}-${d}` }));
    }
  }
  return { name, me: [OWNER], messages: messages.sort((a, b) => a.at - b.at) };
}

describe('evaluation metrics', () => {
  it('counts a tie between a positive and a negative as half (hand-computed)', () => {
    // Positives 3, 2, 2; negatives 2, 1: of the six pairs, four are won outright and two tie: 5/6.
    const scored = [
      { score: 3, positive: true },
      { score: 2, positive: true },
      { score: 2, positive: true },
      { score: 2, positive: false },
      { score: 1, positive: false },
    ];
    expect(auc(scored)).toBeCloseTo(5 / 6, 12);
    expect(auc(scored.map((s) => ({ ...s, score: 0 })))).toBe(0.5);
    expect(auc(scored.map((s) => ({ ...s, score: -s.score })))).toBeCloseTo(1 / 6, 12);
    expect(auc([{ score: 1, positive: true }])).toBeNaN();
  });

  it('ranks within groups only, each group weighed by its pairs (hand-computed)', () => {
    // Group a: one positive above two negatives (2 of 2 pairs). Group b: a positive
    // tied with one negative and below another (0.5 of 2). Across the groups the
    // scores would disagree (b's positive scores below a's negatives), but no pair
    // across groups counts: 2.5 of 4. A group of one outcome holds no pair.
    const scored = [
      { group: 'a', score: 10, positive: true },
      { group: 'a', score: 8, positive: false },
      { group: 'a', score: 9, positive: false },
      { group: 'b', score: 1, positive: true },
      { group: 'b', score: 1, positive: false },
      { group: 'b', score: 2, positive: false },
      { group: 'c', score: 5, positive: true },
    ];
    expect(withinGroupAuc(scored)).toBeCloseTo(2.5 / 4, 12);
    expect(withinGroupAuc(scored.filter((s) => s.group === 'c'))).toBeNaN();
    // One group is the plain AUC.
    const one = scored.map((s) => ({ ...s, group: 'x' }));
    expect(withinGroupAuc(one)).toBeCloseTo(auc(one), 12);
  });

  it('counts the share of the pooled pairs that fall within one group (hand-computed)', () => {
    // Three positives and two negatives pool 6 pairs: group a holds 1 × 2 of them, group b 1 × 0.
    const outcomes = [
      { group: 'a', positive: true },
      { group: 'a', positive: false },
      { group: 'a', positive: false },
      { group: 'b', positive: true },
      { group: 'c', positive: true },
    ];
    expect(shareOfPairsWithinGroups(outcomes)).toBeCloseTo(2 / 6, 12);
    expect(shareOfPairsWithinGroups(outcomes.map((o) => ({ ...o, group: 'x' })))).toBe(1);
    expect(shareOfPairsWithinGroups(outcomes.filter((o) => o.positive))).toBeNaN();
  });

  it('bins chances into deciles of equal size, with the mean chance and the observed share', () => {
    const predicted = Array.from({ length: 20 }, (_, i) => ({ chance: i / 20, positive: i % 2 === 1 || i >= 16 }));
    const bins = calibrationByDecile([...predicted].reverse());
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual(Array(10).fill(2));
    expect(bins[0]).toEqual({ predicted: 0.025, observed: 0.5, count: 2 });
    expect(bins[9]).toEqual({ predicted: 0.925, observed: 1, count: 2 });
    expect(calibrationByDecile(predicted.slice(0, 3))).toHaveLength(3);
    expect(
      brierScore([
        { chance: 0.8, positive: true },
        { chance: 0.3, positive: false },
      ]),
    ).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(brierScore([])).toBeNaN();
  });
});

describe('the logistic fit', () => {
  it('recovers the direction of a known effect and refuses data of one outcome', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [(i % 40) / 10, ((i * 7) % 13) / 13]);
    const labels = rows.map(([x], i) => (x ?? 0) + 0.3 * Math.sin(i) > 2);
    const model = fitLogistic(rows, labels, 0.001);
    expect(model.columns[0]?.weight).toBeGreaterThan(2);
    expect(Math.abs(model.columns[1]?.weight ?? 0)).toBeLessThan(0.5);
    expect(() =>
      fitLogistic(
        rows,
        labels.map(() => true),
        0.01,
      ),
    ).toThrow(FitError);
    expect(() => fitLogistic([], [], 0.01)).toThrow(FitError);
  });

  it('never throws anything but FitError on untrusted rows, and gives finite weights when it fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean()), { maxLength: 40 }),
        (data) => {
          try {
            const model = fitLogistic(
              data.map(([x]) => [x]),
              data.map(([, y]) => y),
              0.1,
            );
            expect(Number.isFinite(model.intercept)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(FitError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('samples and cross-validation', () => {
  const mailboxes = ['a', 'b', 'c'].map((name, i) => syntheticMailbox(name, 8 + 2 * i));
  const samples = mailboxes.flatMap(mailboxSamples);

  it('cuts monthly with the 60-day horizon inside the span, and labels what happened after', () => {
    const box = mailboxes[0] as EvaluationMailbox;
    const cuts = cutDates(box.messages);
    expect(cuts.length).toBeGreaterThan(5);
    const lastAt = box.messages.at(-1)?.at ?? 0;
    for (const cut of cuts) expect(cut + 60 * DAY).toBeLessThanOrEqual(lastAt);
    const own = samples.filter((s) => s.mailbox === 'a');
    // After day 240 the odd-numbered correspondents have stopped: every such sample past it is quiet.
    const stopped = own.filter((s) => s.cut > T0 + 240 * DAY && /^p[13579]@/.test(s.client));
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((s) => s.quiet && s.noContact)).toBe(true);
    expect(own.filter((s) => /^p[02468]@/.test(s.client)).every((s) => !s.quiet)).toBe(true);
    expect(own.every((s) => s.features.length === FEATURE_NAMES.length)).toBe(true);
  });

  it('reads features only from mail before the cut', () => {
    const box = mailboxes[1] as EvaluationMailbox;
    const cut = cutDates(box.messages)[2] ?? 0;
    const later = box.messages.filter((m) => m.at > cut);
    // Shifting all later mail by a year changes labels, never the features as of the cut.
    const shifted = {
      ...box,
      messages: [...box.messages.filter((m) => m.at <= cut), ...later.map((m) => ({ ...m, at: m.at + 365 * DAY }))],
    };
    const at = (list: Sample[]) => list.filter((s) => s.cut === cut).map((s) => [s.client, s.features]);
    expect(at(mailboxSamples(shifted))).toEqual(at(mailboxSamples(box)));
  });

  it('scores every mailbox once, each with a model that never saw it', () => {
    const mailboxOf = (s: Sample) => s.features[FEATURE_NAMES.indexOf('age')];
    const seenBy: Set<number | undefined>[] = [];
    // A spy fit: remembers which mailboxes' rows it saw and encodes its call number in its intercept.
    const spy = (rows: number[][]): LogisticModel => {
      seenBy.push(new Set(rows.map((r) => r[0])));
      return { intercept: seenBy.length, columns: [{ mean: 0, scale: 1, weight: 0 }] };
    };
    const tagged = samples.map((s) => ({
      ...s,
      features: s.features.map((v, j) => (j === FEATURE_NAMES.indexOf('age') ? ['a', 'b', 'c'].indexOf(s.mailbox) : v)),
    }));
    const predictions = crossValidate(tagged, { features: ['age'], lambda: 0.01 }, 'quiet', spy);
    expect(predictions).toHaveLength(tagged.length);
    expect(new Set(predictions.map((p) => p.sample))).toEqual(new Set(tagged));
    expect(seenBy).toHaveLength(3);
    for (const p of predictions) {
      const call = Math.round(Math.log(p.chance / (1 - p.chance)));
      expect(seenBy[call - 1]?.has(mailboxOf(p.sample))).toBe(false);
    }
  });

  it('reports per mailbox and pooled, with wins and calibration', () => {
    const report = evaluateRisk(samples, { features: ['silence', 'sinceTheirs'], lambda: 0.01 }, 'quiet');
    expect(Object.keys(report.byMailbox).sort()).toEqual(['a', 'b', 'c']);
    expect(report.pooled.samples).toBe(samples.length);
    expect(report.pooled.calibration.reduce((s, b) => s + b.count, 0)).toBe(samples.length);
    expect(report.pooled.auc.risk).toBeGreaterThan(0.5);
    expect(report.winsOverDaysSince).toBeLessThanOrEqual(report.mailboxesRanked);
    expect(report.pooled.withinCutAuc.risk).toBeGreaterThan(0.5);
    expect(report.pooledAucOfRecencyRefitted).toBeGreaterThan(0.5);
  });

  it('ranks within a cut as days since the last contact does when the model reads only that', () => {
    // One cut lies in one mailbox, scored by one refit, increasing in the silence:
    // within cuts the order is the baseline's, whatever the refits' intercepts do to the pooled one.
    const report = evaluateRisk(samples, { features: ['silence'], lambda: 0.01 }, 'quiet');
    expect(report.pooled.withinCutAuc.risk).toBe(report.pooled.withinCutAuc.daysSinceLastContact);
    expect(report.pooledAucOfRecencyRefitted).toBe(report.pooled.auc.risk);
  });
});

describe('an account too small to test the model', () => {
  it.each([
    [
      'two messages',
      { name: 'x', me: [OWNER], messages: syntheticMailbox('x', 1, 3).messages.slice(0, 2) },
      'no-samples',
    ],
    ['one steady client', syntheticMailbox('y', 1, 420, 420), 'one-outcome'],
    ['no mail at all', { name: 'z', me: [OWNER], messages: [] }, 'no-samples'],
  ] as const)('keeps the shipped model with %s, and says so', (_, box, note) => {
    const result = evaluateAccount(mailboxSamples(box));
    expect(result.model).toEqual({ source: 'shipped', commit: SHIPPED_MODEL.fitted.commit });
    expect(result.note).toBe(note);
    const analysis = analyzeAccount({
      messages: box.messages,
      identity: { addresses: [OWNER], internalDomains: [] },
      now: T0 + 500 * DAY,
    });
    for (const client of analysis.clients) expect(client.risk.model?.commit).toBe(SHIPPED_MODEL.fitted.commit);
  });
});
