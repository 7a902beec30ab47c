import { describe, expect, it } from 'vitest';
import { ACCOUNT_SIGNAL_NAMES, type AccountSignals } from '@/lib/engine/risk-model/account-signals';
import {
  figuresOf,
  recalibrated,
  tryCandidates,
  tryDroppedSignals,
} from '@/lib/engine/risk-model/candidate-evaluation';
import { logLoss } from '@/lib/engine/risk-model/evaluation-metrics';
import type { Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { crossValidate, type ModelSpec, type Prediction } from '@/lib/engine/risk-model/risk-evaluation';
import { FEATURE_NAMES } from '@/lib/engine/risk-model/risk-features';
import { random, sigmoid } from './seeded-random';

/**
 * Plain samples of three mailboxes at two cuts each: the longer the silence
 * the likelier quiet, and each mailbox's months quieter or louder by `shift`.
 */
function samples(): Sample[] {
  const next = random(7);
  const shifts = { a: -1, b: 0, c: 1 } as const;
  return (Object.entries(shifts) as [string, number][]).flatMap(([mailbox, shift]) =>
    Array.from({ length: 200 }, (_, i) => {
      const silence = 4 * next();
      const quiet = next() < sigmoid(2 * (silence - 2) + shift);
      return {
        mailbox,
        cut: i % 2,
        client: `${mailbox}${i}`,
        features: FEATURE_NAMES.map((name) => (name === 'silence' ? silence : 0)),
        baselines: { daysSinceLastContact: silence, contactDays: 3, pAliveGap: 0, silenceRatio: 0 },
        quiet,
        noContact: quiet,
      };
    }),
  );
}

const SPEC: ModelSpec = { features: ['silence'], lambda: 0.01 };
const SHIFT: Record<string, number> = { a: -1, b: 0, c: 1 };

/** Every signal constant but `correspondents`, which carries the mailbox's shift: what a useful account signal looks like. */
const signalsOf = (s: Sample): AccountSignals => ({
  ...(Object.fromEntries(ACCOUNT_SIGNAL_NAMES.map((name) => [name, 1])) as AccountSignals),
  correspondents: SHIFT[s.mailbox] ?? 0,
});

const loss = (predictions: readonly Prediction[]) =>
  logLoss(predictions.map((p) => ({ chance: p.chance, positive: p.sample.quiet })));

describe('trying account signals beside the shipped ones', () => {
  const all = samples();
  const report = tryCandidates(all, SPEC, signalsOf, 'quiet');

  it('judges the shipped model by the evaluation’s own cross-validation', () => {
    expect(report.shipped).toEqual(figuresOf(crossValidate(all, SPEC, 'quiet'), all, 'quiet'));
    expect(report.shipped.mailboxesRanked).toBe(3);
  });

  it('tries every signal alone, and a constant one changes nothing', () => {
    expect(Object.keys(report.alone).sort()).toEqual([...ACCOUNT_SIGNAL_NAMES].sort());
    expect(report.alone.mailTrend14).toEqual(report.shipped);
  });

  it('finds a signal that tells the quieter mailboxes, and keeps it among the best', () => {
    expect(report.alone.correspondents.pooledAuc).toBeGreaterThan(report.shipped.pooledAuc);
    expect(report.alone.correspondents.logLoss).toBeLessThan(report.shipped.logLoss);
    expect(report.bestTogether.signals).toEqual(['correspondents']);
    expect(report.bestTogether.figures).toEqual(report.alone.correspondents);
    expect(report.bestTogether.minusShipped?.pooled.median).toBeGreaterThan(0);
  });
});

describe('adding back the client signals the selection dropped', () => {
  const all = samples();
  const dropped = tryDroppedSignals(all, SPEC, 'quiet');

  it('tries each signal the spec does not read, alone, and a constant one changes nothing', () => {
    expect(Object.keys(dropped).sort()).toEqual(FEATURE_NAMES.filter((name) => name !== 'silence').sort());
    expect(dropped.theyStart).toEqual(figuresOf(crossValidate(all, SPEC, 'quiet'), all, 'quiet'));
  });
});

describe('recalibration inside the cross-validation', () => {
  const all = samples();
  // Overconfident chances: three times the log-odds the samples were drawn with.
  const overconfident = all.map((sample) => ({
    sample,
    chance: sigmoid(3 * (2 * ((sample.features[0] ?? 0) - 2) + (SHIFT[sample.mailbox] ?? 0))),
  }));

  it('scores every sample once and mends a uniform overconfidence', () => {
    const { predictions: mended, fits } = recalibrated(overconfident, 'quiet');
    // Three times too sure: each fit scales the log-odds back by about a third.
    for (const fit of fits) expect(fit.slope).toBeGreaterThan(0.2);
    for (const fit of fits) expect(fit.slope).toBeLessThan(0.5);
    expect(new Set(mended.map((p) => p.sample))).toEqual(new Set(all));
    expect(mended).toHaveLength(all.length);
    expect(loss(mended)).toBeLessThan(loss(overconfident));
  });

  it('never reads the held-out mailbox’s own outcomes', () => {
    const flipped = overconfident.map((p) =>
      p.sample.mailbox === 'a' ? { ...p, sample: { ...p.sample, quiet: !p.sample.quiet } } : p,
    );
    const chancesOfA = (predictions: readonly Prediction[]) =>
      predictions.filter((p) => p.sample.mailbox === 'a').map((p) => p.chance);
    expect(chancesOfA(recalibrated(flipped, 'quiet').predictions)).toEqual(
      chancesOfA(recalibrated(overconfident, 'quiet').predictions),
    );
  });
});
