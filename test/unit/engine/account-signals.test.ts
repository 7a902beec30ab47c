import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_SIGNAL_NAMES, accountSignals } from '@/lib/engine/risk-model/account-signals';
import type { MailMessage } from '@/lib/engine/types';
import { DAY, HOUR, mail } from './mail-builders';

const T0 = Date.UTC(2024, 0, 1);
const OWNER = 'owner@firm.example';

/** a@ writes every 10 days to day 190, b@ every 30 days to day 90; the owner answers each an hour later. */
function twoCorrespondents(): MailMessage[] {
  const messages: MailMessage[] = [];
  const exchange = (who: string, day: number) => {
    messages.push(mail({ from: who, to: [OWNER], at: T0 + day * DAY }));
    messages.push(mail({ from: OWNER, to: [who], at: T0 + day * DAY + HOUR }));
  };
  for (let d = 0; d <= 190; d += 10) exchange('a@client.example', d);
  for (let d = 0; d <= 90; d += 30) exchange('b@client.example', d);
  return messages;
}

describe('the account’s signals as of a cut', () => {
  it('reads the trends, the silences and the earlier outcomes (hand-computed)', () => {
    const s = accountSignals(twoCorrespondents(), [OWNER], T0 + 200 * DAY);
    // Days 186–200 hold a's day-190 exchange (2); days 96–186 nine of a's (18).
    expect(s.mailTrend14).toBeCloseTo(Math.log(3 / ((18 * 14) / 90 + 1)), 12);
    // Our answers on days 170–200: a's 170, 180, 190; on days 80–170: a's 80…160 and b's 90.
    expect(s.ownSendingTrend30).toBeCloseTo(Math.log(4 / ((10 * 30) / 90 + 1)), 12);
    expect(s.sinceReceived).toBeCloseTo(Math.log1p(10), 12);
    // b has been silent 110 days against a usual 30; a 10 days against a usual 10.
    expect(s.pastUsualGap).toBe(0.5);
    expect(s.correspondents).toBeCloseTo(Math.log1p(2), 12);
    // Cuts on days 140, 110, 80, 50, 20: b went quiet after 140 and 110, was active at 80
    // and wrote on 90, had too few days before 50; a is active from day 20 and always wrote.
    expect(s.earlierQuietShare).toBeCloseTo((2 + 1) / (8 + 2), 12);
  });

  it('reads an account with nothing before the cut as neutral, not as an error', () => {
    const s = accountSignals(twoCorrespondents(), [OWNER], T0 - DAY);
    expect(s).toEqual({
      mailTrend14: 0,
      mailTrend30: 0,
      ownSendingTrend30: 0,
      sinceReceived: Math.log1p(180),
      pastUsualGap: 0,
      correspondents: 0,
      earlierQuietShare: 0.5,
    });
  });

  it('never changes with any message after the cut, and is finite on any mail (property)', () => {
    const people = ['a@x.example', 'b@y.example', 'c@z.example', OWNER];
    const message = (from: number, to: number) =>
      fc.record({
        day: fc.double({ min: from, max: to, noNaN: true }),
        from: fc.constantFrom(...people),
        to: fc.subarray(people, { minLength: 1 }),
      });
    const build = ({ day, from, to }: { day: number; from: string; to: string[] }) =>
      mail({ from, to, at: T0 + day * DAY });
    fc.assert(
      fc.property(
        fc.array(message(0, 400), { maxLength: 60 }),
        fc.array(message(0, 400), { maxLength: 30 }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (mine, later, cutDay) => {
          const cut = T0 + cutDay * DAY;
          const before = mine.map(build).filter((m) => m.at <= cut);
          const after = later.map(build).map((m) => (m.at > cut ? m : { ...m, at: cut + 1 + (cut - m.at) }));
          const alone = accountSignals(before, [OWNER], cut);
          const mixed = accountSignals([...after, ...before].reverse(), [OWNER], cut);
          expect(mixed).toEqual(alone);
          for (const name of ACCOUNT_SIGNAL_NAMES) expect(Number.isFinite(alone[name])).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
