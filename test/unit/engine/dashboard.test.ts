import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUIET_AFTER_DAYS } from '@/lib/engine/active-spans';
import { buildDashboard, type MonthFigures } from '@/lib/engine/dashboard';
import { HORIZON_DAYS } from '@/lib/engine/risk';
import { at, client, DAY, HOUR, NOW, ours, theirs } from './dashboard-fixtures';

const month = (figures: MonthFigures[], key: string) => {
  const found = figures.find((m) => m.month === key);
  if (!found) throw new Error(`no month ${key}`);
  return found;
};
const series = (figures: MonthFigures[], field: keyof MonthFigures) => figures.map((m) => m[field]);

describe('the dashboard of gains and losses', () => {
  it('counts a client as gone quiet exactly when the risk’s horizon has passed', () => {
    expect(QUIET_AFTER_DAYS).toBe(HORIZON_DAYS);
  });

  it('shows twelve empty months, no risk and no cohort without any client', () => {
    const d = buildDashboard({ clients: [], now: NOW, timeZone: 'UTC' });
    expect(d.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(d.activeNow).toBe(0);
    expect(d.months.every((m) => m.active === 0 && m.gained === 0 && m.quiet === 0 && m.ourReplies === 0)).toBe(true);
    expect(d.months.every((m) => m.ourMedianReplyMs === undefined && m.theirMedianReplyMs === undefined)).toBe(true);
    expect(d.atRisk).toEqual([]);
    expect(d.cohorts.every((c) => c.clients === 0 && c.activeNow === 0)).toBe(true);
  });

  it('follows one client from first contact to silence', () => {
    // In touch 10 January and 5 February: active until 6 April, 60 days after.
    const d = buildDashboard({
      clients: [client('acme.example', [at(1, 10), at(2, 5)], { value: 1200 })],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(series(d.months, 'active')).toEqual([0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series(d.months, 'gained')).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series(d.months, 'quiet')).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(month(d.months, '2026-01').gainedValue).toBe(1200);
    expect(month(d.months, '2026-04').quietValue).toBe(1200);
    expect(d.activeNow).toBe(0);
  });

  it('counts a client who comes back after going quiet as returned, not gained', () => {
    const d = buildDashboard({
      clients: [client('back.example', [at(1, 2), at(6, 15)], { value: 500 })],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(month(d.months, '2026-01').gained).toBe(1);
    expect(month(d.months, '2026-03').quiet).toBe(1);
    expect(month(d.months, '2026-06')).toMatchObject({ gained: 0, returned: 1, returnedValue: 500, active: 1 });
    expect(month(d.months, '2026-08')).toMatchObject({ quiet: 1, active: 0 });
    expect(month(d.months, '2026-07').active).toBe(1);
  });

  it('keeps a client active through months without contact while the horizon has not passed', () => {
    // In touch 10 September only: active through October, quiet on 9 November.
    const d = buildDashboard({ clients: [client('slow.example', [at(9, 10)])], now: NOW, timeZone: 'UTC' });
    expect(month(d.months, '2026-09')).toMatchObject({ active: 1, gained: 1 });
    expect(month(d.months, '2026-10')).toMatchObject({ active: 1, gained: 0, quiet: 0 });
    expect(month(d.months, '2026-11')).toMatchObject({ active: 0, quiet: 1 });
    expect(d.activeNow).toBe(0);
  });

  it('counts no silence that has not happened yet in the current month', () => {
    const d = buildDashboard({ clients: [client('recent.example', [at(10, 1)])], now: NOW, timeZone: 'UTC' });
    // 30 November, after now.
    expect(month(d.months, '2026-11')).toMatchObject({ active: 1, quiet: 0 });
    expect(d.activeNow).toBe(1);
  });

  it('starts months at midnight in the user’s time zone', () => {
    // 31 January 23:30 UTC is already 1 February in Kyiv.
    const late = Date.UTC(2026, 0, 31, 23, 30);
    const utc = buildDashboard({ clients: [client('kyiv.example', [late])], now: NOW, timeZone: 'UTC' });
    const kyiv = buildDashboard({ clients: [client('kyiv.example', [late])], now: NOW, timeZone: 'Europe/Kyiv' });
    expect(month(utc.months, '2026-01').gained).toBe(1);
    expect(month(kyiv.months, '2026-02').gained).toBe(1);
  });

  it('takes the median of each side’s replies sent in the month', () => {
    const d = buildDashboard({
      clients: [
        client('a.example', [at(11, 2)], { replies: [ours(at(11, 2), 1), ours(at(11, 3), 3), theirs(at(11, 4), 30)] }),
        client('b.example', [at(10, 2)], { replies: [ours(at(11, 5), 5), theirs(at(10, 4), 2)] }),
      ],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(month(d.months, '2026-11')).toMatchObject({
      ourReplies: 3,
      ourMedianReplyMs: 3 * HOUR,
      theirReplies: 1,
      theirMedianReplyMs: 30 * HOUR,
    });
    expect(month(d.months, '2026-10')).toMatchObject({ ourReplies: 0, theirReplies: 1, theirMedianReplyMs: 2 * HOUR });
    expect(month(d.months, '2026-10').ourMedianReplyMs).toBeUndefined();
  });

  it('lists the value at risk first, chance × value, then clients without a value by chance', () => {
    const d = buildDashboard({
      clients: [
        client('big.example', [at(11, 1)], { chance: 20, value: 10_000 }),
        client('small.example', [at(11, 1)], { chance: 90, value: 1_000 }),
        client('unvalued.example', [at(11, 1)], { chance: 95, tier: 'key' }),
        client('unvalued-low.example', [at(11, 1)], { chance: 40 }),
        client('safe.example', [at(11, 1)], { chance: 0, value: 50_000 }),
        client('unknown.example', [at(11, 1)]),
      ],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(d.atRisk.map((r) => [r.key, r.valueAtRisk])).toEqual([
      ['big.example', 2000],
      ['small.example', 900],
      ['unvalued.example', undefined],
      ['unvalued-low.example', undefined],
    ]);
    expect(d.atRisk[2]?.tier).toBe('key');
    const clients = d.atRisk.map((r) => client(r.key, [], { chance: r.chance }));
    expect(buildDashboard({ clients, now: NOW, timeZone: 'UTC', atRiskLimit: 2 }).atRisk).toHaveLength(2);
  });

  it('follows each month’s new clients through their first 90 days', () => {
    const d = buildDashboard({
      clients: [
        // June: one still in touch on day 90 and now, one silent after its first message.
        client('kept.example', [at(6, 3), at(7, 20), at(8, 25), at(10, 30)]),
        client('lost.example', [at(6, 10)]),
        // October: too young for day 90.
        client('young.example', [at(10, 12)]),
      ],
      now: NOW,
      timeZone: 'UTC',
    });
    const june = d.cohorts.find((c) => c.month === '2026-06');
    expect(june).toEqual({ month: '2026-06', clients: 2, reached90Days: 2, activeAt90Days: 1, activeNow: 1 });
    const october = d.cohorts.find((c) => c.month === '2026-10');
    expect(october).toEqual({ month: '2026-10', clients: 1, reached90Days: 0, activeAt90Days: 0, activeNow: 1 });
  });

  it('counts a team’s client once, active while any member hears from them, and names its members', () => {
    const d = buildDashboard({
      clients: [
        client('shared.example', [at(3, 1)], { whose: 'anna', chance: 80, value: 100 }),
        client('shared.example', [at(11, 10)], { whose: 'bohdan', chance: 10, value: 300 }),
      ],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(d.activeNow).toBe(1);
    expect(month(d.months, '2026-03').gained).toBe(1);
    expect(month(d.months, '2026-11')).toMatchObject({ returned: 1, returnedValue: 300 });
    expect(d.atRisk).toEqual([
      {
        key: 'shared.example',
        name: 'shared.example',
        whose: ['anna', 'bohdan'],
        chance: 80,
        value: 300,
        valueAtRisk: 240,
      },
    ]);
  });

  it('keeps every month’s books: active = last month’s + gained + returned − gone quiet', () => {
    const contacts = fc.array(fc.integer({ min: NOW - 700 * DAY, max: NOW }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(contacts, { maxLength: 8 }), (histories) => {
        const clients = histories.map((times, i) =>
          client(
            `c${i}.example`,
            [...times].sort((a, b) => a - b),
          ),
        );
        const months = buildDashboard({ clients, now: NOW, timeZone: 'Europe/Kyiv' }).months;
        const before = buildDashboard({ clients, now: (months[0]?.start ?? NOW) - 1, timeZone: 'Europe/Kyiv' });
        let active = before.activeNow;
        for (const m of months) {
          active += m.gained + m.returned - m.quiet;
          expect(m.active).toBe(active);
        }
        expect(active).toBe(buildDashboard({ clients, now: NOW, timeZone: 'Europe/Kyiv' }).activeNow);
      }),
    );
  });

  it('says where the history begins: the earliest contact, or the message a reply answered', () => {
    const d = buildDashboard({
      clients: [
        client('a.example', [at(3, 10)], { replies: [theirs(at(3, 10), 48)] }),
        client('b.example', [at(2, 1)]),
      ],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(d.historyStartsAt).toBe(at(2, 1));
    expect(
      buildDashboard({
        clients: [client('c.example', [at(3, 10)], { replies: [theirs(at(3, 10), 48)] })],
        now: NOW,
        timeZone: 'UTC',
      }).historyStartsAt,
    ).toBe(at(3, 8));
    expect(buildDashboard({ clients: [], now: NOW, timeZone: 'UTC' }).historyStartsAt).toBeUndefined();
  });

  it('ignores contact recorded after now', () => {
    const d = buildDashboard({ clients: [client('future.example', [NOW + DAY])], now: NOW, timeZone: 'UTC' });
    expect(d.activeNow).toBe(0);
    expect(d.cohorts.every((c) => c.clients === 0)).toBe(true);
  });
});
