import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutDates, HORIZON_DAYS, mailboxSamples } from '@/lib/engine/risk-model/evaluation-samples';
import type { EvaluationMailbox } from '@/lib/engine/risk-model/evaluation-types';
import {
  censorHorizonGaps,
  EXPORT_GAP_DAYS,
  horizonGaps,
  longestSilenceDays,
} from '@/lib/engine/risk-model/horizon-coverage';
import { DAY, mail } from './mail-builders';

const T0 = Date.UTC(2024, 0, 1);
const OWNER = 'owner@firm.example';

/** Six correspondents writing every other day and answered, over 400 days, with no mail at all in [holeFrom, holeTo). */
function mailboxWithHole(holeFrom: number, holeTo: number): EvaluationMailbox {
  const messages = [];
  for (let p = 0; p < 6; p++) {
    const who = `p${p}@client${p}.example`;
    for (let d = p % 2; d < 400; d += 2) {
      if (d >= holeFrom && d < holeTo) continue;
      messages.push(mail({ from: who, to: [OWNER], at: T0 + d * DAY, threadId: `${p}-${d}` }));
      messages.push(mail({ from: OWNER, to: [who], at: T0 + d * DAY + 3_600_000, threadId: `${p}-${d}` }));
    }
  }
  return { name: 'holed', me: [OWNER], messages: messages.sort((a, b) => a.at - b.at) };
}

describe('the export’s coverage of a horizon', () => {
  it('measures the longest stretch without a message, the horizon’s ends included (hand-computed)', () => {
    const at = (day: number) => mail({ from: 'a@b.example', at: T0 + day * DAY });
    // Messages on days 5, 10 and 40 after the cut: stretches of 5, 5, 30 and, to the end, 20.
    expect(longestSilenceDays([at(-3), at(5), at(10), at(40), at(70)], T0)).toBe(30);
    expect(longestSilenceDays([at(-3)], T0)).toBe(HORIZON_DAYS);
    expect(longestSilenceDays([], T0)).toBe(HORIZON_DAYS);
  });

  it('finds the cut dates whose 60 days hold a hole of three weeks, and only those', () => {
    const box = mailboxWithHole(200, 230);
    const gaps = horizonGaps(box);
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.days).toBeGreaterThanOrEqual(EXPORT_GAP_DAYS);
      // The hole lies in the cut's horizon.
      expect(gap.cut).toBeLessThan(T0 + 230 * DAY);
      expect(gap.cut + HORIZON_DAYS * DAY).toBeGreaterThan(T0 + 200 * DAY);
    }
    const gapped = new Set(gaps.map((g) => g.cut));
    const others = cutDates(box.messages).filter((c) => !gapped.has(c));
    expect(others.length).toBeGreaterThan(0);
    expect(horizonGaps(mailboxWithHole(200, 210))).toEqual([]);
  });

  it('censors the samples of those cut dates, loses none of the others, and counts what it left out', () => {
    const box = mailboxWithHole(200, 230);
    const samples = mailboxSamples(box);
    const gaps = horizonGaps(box);
    const { covered, censored } = censorHorizonGaps(samples, gaps);
    const gapped = new Set(gaps.map((g) => g.cut));
    expect(covered).toEqual(samples.filter((s) => !gapped.has(s.cut)));
    expect(censored.samples).toBe(samples.length - covered.length);
    expect(censored.samples).toBeGreaterThan(0);
    expect(censored.cutDates).toBe(new Set(samples.filter((s) => gapped.has(s.cut)).map((s) => s.cut)).size);
    // Everyone is "quiet" across the hole: the labels the censoring removes.
    expect(censored.quiet).toBe(samples.filter((s) => gapped.has(s.cut) && s.quiet).length);
    expect(censorHorizonGaps(samples, [])).toEqual({
      covered: samples,
      censored: { samples: 0, cutDates: 0, quiet: 0 },
    });
  });

  it('gives a stretch within the horizon for any messages, in any order of times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 200 }), { maxLength: 50 }), (days) => {
        const messages = days.sort((a, b) => a - b).map((d) => mail({ from: 'a@b.example', at: T0 + d * DAY }));
        const longest = longestSilenceDays(messages, T0);
        expect(longest).toBeGreaterThanOrEqual(0);
        expect(longest).toBeLessThanOrEqual(HORIZON_DAYS);
        const inside = days.filter((d) => d > 0 && d <= HORIZON_DAYS).length;
        // n messages inside split the horizon into n + 1 stretches: the longest is at least their mean.
        expect(longest).toBeGreaterThanOrEqual(HORIZON_DAYS / (inside + 1) - 1e-9);
      }),
    );
  });
});
