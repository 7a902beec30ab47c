import { describe, expect, it } from 'vitest';
import { DAY } from '@/lib/engine/business-hours';
import type { Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { FitError, fitLogistic, fitToward, logOdds } from '@/lib/engine/risk-model/logistic-fit';
import { crossValidateOwnPast, MIN_PAST_SAMPLES, refitOnPast } from '@/lib/engine/risk-model/own-past-refit';
import { crossValidate, type ModelSpec } from '@/lib/engine/risk-model/risk-evaluation';
import { FEATURE_NAMES } from '@/lib/engine/risk-model/risk-features';

const T0 = Date.UTC(2024, 0, 1);
const SILENCE = FEATURE_NAMES.indexOf('silence');
const SPEC: ModelSpec = { features: ['silence'], lambda: 0.01 };

/** Plain samples: monthly cuts of 30 clients, the longer the silence the likelier quiet, more so in mailbox b. */
function samplesOf(mailbox: string, cuts = 8): Sample[] {
  return Array.from({ length: cuts }, (_, c) =>
    Array.from({ length: 30 }, (_, i) => {
      const silence = ((i * 7 + c * 3) % 30) / 6;
      const features = FEATURE_NAMES.map((_, j) => (j === SILENCE ? silence : 0));
      const quiet = silence + ((i * 13 + c) % 5) / 2 > (mailbox === 'b' ? 2 : 3);
      return {
        mailbox,
        cut: T0 + c * 30 * DAY,
        client: `${mailbox}${i}`,
        features,
        baselines: { daysSinceLastContact: Math.expm1(silence), contactDays: 3, pAliveGap: 0, silenceRatio: 0 },
        quiet,
        noContact: quiet,
      };
    }),
  ).flat();
}

const all = ['a', 'b', 'c'].flatMap((m) => samplesOf(m));

describe('a refit pulled toward a prior', () => {
  const rows = all.map((s) => [s.features[SILENCE] ?? 0]);
  const labels = all.map((s) => s.quiet);
  const prior = fitLogistic(rows.slice(0, 100), labels.slice(0, 100), 0.01);

  it('stays at the prior when pulled hard, and nears a free fit when barely pulled', () => {
    const held = fitToward(prior, rows, labels, 1e9);
    expect(held.intercept).toBeCloseTo(prior.intercept, 6);
    expect(held.columns[0]?.weight).toBeCloseTo(prior.columns[0]?.weight ?? 0, 6);
    const free = fitLogistic(rows, labels, 1e-9);
    const loose = fitToward(prior, rows, labels, 1e-6);
    for (const row of [[0], [2], [4]]) expect(logOdds(loose, row)).toBeCloseTo(logOdds(free, row), 3);
  });

  it('refuses rows of one outcome', () => {
    expect(() =>
      fitToward(
        prior,
        rows,
        labels.map(() => true),
        10,
      ),
    ).toThrow(FitError);
  });
});

describe('refitting on a held-out account’s own past', () => {
  const others = fitLogistic(
    all.filter((s) => s.mailbox !== 'b').map((s) => [s.features[SILENCE] ?? 0]),
    all.filter((s) => s.mailbox !== 'b').map((s) => s.quiet),
    0.01,
  );

  it('keeps the model with too few past samples or one outcome', () => {
    const past = samplesOf('b').slice(0, MIN_PAST_SAMPLES - 1);
    expect(refitOnPast(others, past, SPEC, 'quiet', 25)).toBeUndefined();
    const oneOutcome = samplesOf('b').map((s) => ({ ...s, quiet: true }));
    expect(refitOnPast(others, oneOutcome, SPEC, 'quiet', 25)).toBeUndefined();
    expect(refitOnPast(others, samplesOf('b'), SPEC, 'quiet', 25)).toBeDefined();
  });

  it('reads at each cut only the samples whose 60 days had passed by then', () => {
    const { predictions, refitted } = crossValidateOwnPast(all, SPEC, 'quiet', 25);
    expect(predictions).toHaveLength(all.length);
    expect(refitted).toBeGreaterThan(0);
    // At b's fifth cut, flipping b's outcomes not yet known then changes nothing scored
    // at it; flipping those known by then does.
    const cut = T0 + 4 * 30 * DAY;
    const flip = (known: boolean) =>
      all.map((s) => (s.mailbox === 'b' && s.cut + 60 * DAY <= cut === known ? { ...s, quiet: !s.quiet } : s));
    const at = (list: typeof predictions) =>
      list.filter((p) => p.sample.mailbox === 'b' && p.sample.cut === cut).map((p) => p.chance);
    expect(at(crossValidateOwnPast(flip(false), SPEC, 'quiet', 25).predictions)).toEqual(at(predictions));
    expect(at(crossValidateOwnPast(flip(true), SPEC, 'quiet', 25).predictions)).not.toEqual(at(predictions));
  });

  it('scores the first cuts, with no past yet, as the plain cross-validation does', () => {
    const plain = crossValidate(all, SPEC, 'quiet');
    const { predictions } = crossValidateOwnPast(all, SPEC, 'quiet', 25);
    const first = (list: typeof plain) => list.filter((p) => p.sample.cut === T0).map((p) => p.chance);
    expect(first(predictions)).toEqual(first(plain));
  });
});
