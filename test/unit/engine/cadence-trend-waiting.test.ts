import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '@/lib/engine/business-hours';
import { cadence, contactGaps, DEFAULT_CADENCE_PRIOR, fitCadencePrior } from '@/lib/engine/cadence';
import { layClientThreads } from '@/lib/engine/client-threads';
import type { ClientMessage } from '@/lib/engine/conversation';
import { matchRepliesInto } from '@/lib/engine/latency';
import { mailOf } from '@/lib/engine/message-columns';
import { replySamples } from '@/lib/engine/reply-samples';
import { parseEngineSettings } from '@/lib/engine/settings';
import { messageTrend } from '@/lib/engine/trend';
import { summarizeWaiting, threadState } from '@/lib/engine/waiting';
import { DAY, threadNumber } from './mail-builders';

describe('cadence', () => {
  it('takes gaps between distinct contact days', () => {
    expect(contactGaps([1, 3, 3, 10])).toEqual([2, 7]);
    expect(contactGaps([])).toEqual([]);
  });

  it('shrinks a client with few gaps toward the population and trusts one with many', () => {
    const prior = { mu: Math.log(30), tau2: 0.3, sigma2: 0.5, clients: 100 };
    const few = cadence([0, 2], 10, prior);
    const many = cadence(
      Array.from({ length: 41 }, (_, i) => i * 2),
      90,
      prior,
    );
    expect(few?.medianGapDays).toBe(2);
    expect(few?.usualGapDays).toBeGreaterThan(5);
    expect(many?.usualGapDays).toBeGreaterThan(2);
    expect(many?.usualGapDays).toBeLessThan(2.3);
    expect(many?.silenceDays).toBe(10);
    expect(many?.silenceRatio).toBeGreaterThan(1);
  });

  it('uses the population alone for a single contact day and nothing for none', () => {
    const one = cadence([5], 5, DEFAULT_CADENCE_PRIOR);
    expect(one).toMatchObject({ gaps: 0, silenceDays: 0, usualGapDays: 7 });
    expect(one?.medianGapDays).toBeUndefined();
    expect(cadence([], 5, DEFAULT_CADENCE_PRIOR)).toBeUndefined();
  });

  it('measures how irregular the gaps are, shrunk toward the account’s spread', () => {
    const prior = { mu: Math.log(7), tau2: 0.3, sigma2: 0.5, clients: 100 };
    // Two degrees of freedom of the account's variance: no gap or one gap is the account's spread alone.
    expect(cadence([5], 5, prior)?.logGapSpread).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(cadence([0, 7], 7, prior)?.logGapSpread).toBeCloseTo(Math.sqrt(0.5), 12);
    const regular = cadence(
      Array.from({ length: 31 }, (_, i) => i * 7),
      210,
      prior,
    );
    expect(regular?.logGapSpread).toBeCloseTo(Math.sqrt((2 * 0.5) / 31), 12);
    // Gaps of 1, 4 and 16 days: log-gaps 0, ln 4, ln 16, squared deviations 2·(ln 4)².
    const irregular = cadence([0, 1, 5, 21], 21, prior);
    expect(irregular?.logGapSpread).toBeCloseTo(Math.sqrt((2 * Math.log(4) ** 2 + 1) / 4), 12);
  });

  it('estimates the prior from clients, falling back to the default with too few', () => {
    expect(fitCadencePrior([[3], [4]])).toEqual({ ...DEFAULT_CADENCE_PRIOR, clients: 2 });
    const weekly = Array.from({ length: 20 }, (_, i) => [7, 7 + (i % 3), 6, 8]);
    const prior = fitCadencePrior(weekly);
    expect(Math.exp(prior.mu)).toBeGreaterThan(6.5);
    expect(Math.exp(prior.mu)).toBeLessThan(8.5);
    expect(prior.clients).toBe(20);
    expect(prior.tau2).toBeGreaterThanOrEqual(0.05);
  });
});

describe('trend', () => {
  const now = 1_000 * DAY;
  it('compares the last 30 days with the monthly rate of the 90 before', () => {
    const times = [
      now - 5 * DAY,
      now - 40 * DAY,
      now - 50 * DAY,
      now - 60 * DAY,
      now - 100 * DAY,
      now - 119 * DAY,
      now - 200 * DAY,
    ];
    expect(messageTrend(times, now)).toEqual({ last30: 1, previous90: 5, expected30: 5 / 3, ratio: 0.6 });
  });

  it('has no ratio without history and ignores future messages', () => {
    expect(messageTrend([now + DAY, now - DAY], now)).toEqual({ last30: 1, previous90: 0, expected30: 0 });
    expect(messageTrend([], now)).toEqual({ last30: 0, previous90: 0, expected30: 0 });
  });
});

const clock = createBusinessClock(parseEngineSettings({ timeZone: 'UTC' }));

describe('waiting', () => {
  const m = (id: string, threadId: string, side: 'in' | 'out', at: number): ClientMessage => ({
    id,
    threadId,
    thread: threadNumber(threadId),
    side,
    at,
    subject: `About ${threadId}`,
    snippet: '',
  });

  // One thread's state from its messages, in time order, with the run its replies leave open.
  const threadOf = (thread: ClientMessage[]) => {
    const { columns, rows } = mailOf(thread);
    const runs = layClientThreads(columns, rows);
    const open = matchRepliesInto(runs, 0, rows.length, clock, replySamples());
    return threadState(columns, runs, 0, rows.length, thread[0]?.threadId ?? '', open);
  };

  it('says whose turn it is per thread and per client', () => {
    const a = threadOf([m('1', 'a', 'out', 1), m('2', 'a', 'in', 5), m('3', 'a', 'in', 6)]);
    expect(a).toMatchObject({ turn: 'us', since: 5, messageId: '2', messageCount: 3, lastAt: 6, subject: 'About a' });
    const b = threadOf([m('4', 'b', 'out', 3)]);
    const c = threadOf([m('5', 'c', 'out', 9)]);
    expect(threadOf([]).turn).toBe('none');
    // The client wrote at 6, after our message at 3, so thread b does not count as them not replying.
    expect(summarizeWaiting([a, b, c], 6)).toEqual({
      onUs: { since: 5, threadId: 'a', messageId: '2', threads: 1 },
      onThem: { since: 9, threadId: 'c', messageId: '5', threads: 1 },
    });
    expect(summarizeWaiting([], undefined)).toEqual({});
    // Having written to the client in another thread since their message answers it at the client level.
    expect(summarizeWaiting([a, b, c], 6, 9)).toEqual({
      onThem: { since: 9, threadId: 'c', messageId: '5', threads: 1 },
    });
  });
});
