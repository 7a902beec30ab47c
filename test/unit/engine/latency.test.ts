import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '@/lib/engine/business-hours';
import { layClientThreads } from '@/lib/engine/client-threads';
import type { ClientMessage } from '@/lib/engine/conversation';
import { latencyStats, matchRepliesInto } from '@/lib/engine/latency';
import { mailOf } from '@/lib/engine/message-columns';
import { replySamples, sideOf } from '@/lib/engine/reply-samples';
import { parseEngineSettings, SettingsError } from '@/lib/engine/settings';
import { HOUR } from './mail-builders';

const utc = createBusinessClock(parseEngineSettings({ timeZone: 'UTC' }));

/** One thread's replies, matched into columns of their own, and where the run open at its end starts. */
function matchInto(thread: readonly ClientMessage[]) {
  const samples = replySamples();
  const { columns, rows } = mailOf(thread);
  const runs = layClientThreads(columns, rows);
  const open = matchRepliesInto(runs, 0, rows.length, utc, samples);
  return { samples, runs, open, end: rows.length };
}

/** One thread's reply samples and the run left open at its end, as plain objects. */
function matchReplies(thread: readonly ClientMessage[]) {
  const { samples, runs, open, end } = matchInto(thread);
  const list = Array.from({ length: samples.count }, (_, i) => ({
    by: sideOf(samples.byClient[i]),
    repliedAt: samples.repliedAt[i],
    wallMs: samples.wallMs[i] as number,
    businessMs: samples.businessMs[i] as number,
  }));
  const turn = open < 0 ? undefined : { side: sideOf(runs.fromClient[open]), since: runs.at[open], count: end - open };
  return { samples: list, open: turn };
}
const at = (iso: string) => Date.parse(iso);
let n = 0;
const msg = (side: 'in' | 'out', iso: string): ClientMessage => {
  n += 1;
  return { id: `x${n}`, threadId: 't', thread: 0, at: at(iso), side, subject: '', snippet: '' };
};

describe('business hours', () => {
  it('counts only working hours on working days', () => {
    // Friday 16:00 → Monday 10:00 UTC, working 9–17 Mon–Fri: 1 h + 1 h.
    expect(utc.businessMillisBetween(at('2024-03-08T16:00:00Z'), at('2024-03-11T10:00:00Z'))).toBe(2 * HOUR);
    expect(utc.businessMillisBetween(at('2024-03-09T10:00:00Z'), at('2024-03-10T18:00:00Z'))).toBe(0);
    expect(utc.businessMillisBetween(at('2024-03-11T18:00:00Z'), at('2024-03-11T10:00:00Z'))).toBe(0);
  });

  it('follows the time zone across a DST change', () => {
    const ny = createBusinessClock(parseEngineSettings({ timeZone: 'America/New_York' }));
    // Fri 2024-03-08 16:00 EST (21:00Z) → Mon 2024-03-11 10:00 EDT (14:00Z); clocks moved on Sunday.
    expect(ny.businessMillisBetween(at('2024-03-08T21:00:00Z'), at('2024-03-11T14:00:00Z'))).toBe(2 * HOUR);
    const kyiv = createBusinessClock(parseEngineSettings({ timeZone: 'Europe/Kyiv', startHour: 8.5, endHour: 17 }));
    // Fri 2024-10-25 16:00 EEST (13:00Z) → Mon 2024-10-28 09:30 EET (07:30Z): 1 h + 1 h.
    expect(kyiv.businessMillisBetween(at('2024-10-25T13:00:00Z'), at('2024-10-28T07:30:00Z'))).toBe(2 * HOUR);
    expect(kyiv.localDay(at('2024-10-27T22:30:00Z'))).toBe(kyiv.localDay(at('2024-10-28T07:30:00Z')));
  });

  it('adds whole weeks for long waits exactly as day by day would', () => {
    // 2024-01-01 (Mon) 12:00 → 2024-03-04 (Mon) 12:00 UTC: 9 weeks of 5 × 8 h.
    expect(utc.businessMillisBetween(at('2024-01-01T12:00:00Z'), at('2024-03-04T12:00:00Z'))).toBe(9 * 40 * HOUR);
    const weekends = createBusinessClock(parseEngineSettings({ workingDays: [0, 6], startHour: 10, endHour: 14 }));
    expect(weekends.businessMillisBetween(at('2024-01-01T00:00:00Z'), at('2024-02-01T00:00:00Z'))).toBe(8 * 4 * HOUR);
  });

  it('answers a run of questions as a fresh clock answers each one, across a change of offset', () => {
    // A clock remembers offsets between questions; what it remembers must never change an answer.
    const settings = parseEngineSettings({ timeZone: 'Europe/Kyiv', startHour: 8.5, endHour: 17 });
    const remembering = createBusinessClock(settings);
    const start = at('2024-03-29T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (questions) => {
          for (const [from, length] of questions) {
            const a = start + from * 60_000;
            const b = a + length * 60_000;
            const fresh = createBusinessClock(settings);
            expect(remembering.localDay(a)).toBe(fresh.localDay(a));
            expect(remembering.businessMillisBetween(a, b)).toBe(
              createBusinessClock(settings).businessMillisBetween(a, b),
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('rejects settings it cannot use', () => {
    expect(() => parseEngineSettings({ timeZone: 'Mars/Olympus' })).toThrow(SettingsError);
    expect(() => parseEngineSettings({ startHour: 18, endHour: 9 })).toThrow(/startHour must be before endHour/);
    expect(() => parseEngineSettings({ workingDays: [] })).toThrow(/at least one working day/);
    expect(() => parseEngineSettings({ workingDays: [7] })).toThrow(/workingDays\.0/);
  });
});

describe('reply matching', () => {
  it('measures from the first unanswered message of a run to the other side', () => {
    const thread = [
      msg('in', '2024-03-04T09:00:00Z'),
      msg('in', '2024-03-04T11:00:00Z'),
      msg('out', '2024-03-04T14:00:00Z'),
      msg('in', '2024-03-05T14:00:00Z'),
      msg('out', '2024-03-05T15:00:00Z'),
      msg('out', '2024-03-05T16:00:00Z'),
    ];
    const { samples, open } = matchReplies(thread);
    expect(samples.map((s) => [s.by, s.wallMs / HOUR, s.businessMs / HOUR])).toEqual([
      ['out', 5, 5],
      ['in', 24, 8],
      ['out', 1, 1],
    ]);
    expect(open).toMatchObject({ side: 'out', since: at('2024-03-05T15:00:00Z'), count: 2 });
  });

  it('summarises median and p90 both ways', () => {
    const thread = [
      msg('in', '2024-03-04T09:00:00Z'),
      msg('out', '2024-03-04T10:00:00Z'),
      msg('in', '2024-03-04T12:00:00Z'),
      msg('out', '2024-03-04T15:00:00Z'),
      msg('in', '2024-03-05T09:00:00Z'),
      msg('out', '2024-03-05T14:00:00Z'),
    ];
    const { samples } = matchInto(thread);
    const ours = latencyStats(samples, 'out');
    const theirs = latencyStats(samples, 'in');
    expect(ours).toMatchObject({ count: 3, medianMs: 3 * HOUR });
    expect((ours.p90Ms ?? 0) / HOUR).toBeCloseTo(4.6, 9);
    expect(theirs).toMatchObject({ count: 2, medianMs: 10 * HOUR, medianBusinessMs: 2 * HOUR });
  });

  it('handles empty threads, one message and identical timestamps', () => {
    expect(matchReplies([])).toEqual({ samples: [], open: undefined });
    expect(matchReplies([msg('in', '2024-03-04T09:00:00Z')]).open?.side).toBe('in');
    const same = matchReplies([msg('in', '2024-03-04T09:00:00Z'), msg('out', '2024-03-04T09:00:00Z')]);
    expect(same.samples[0]).toMatchObject({ wallMs: 0, businessMs: 0 });
    expect(latencyStats(replySamples())).toEqual({ count: 0 });
  });
});
