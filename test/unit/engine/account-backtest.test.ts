import { describe, expect, it } from 'vitest';
import { riskLevel } from '@/lib/engine/risk';
import { backtestAccount, FLAGGED_FROM_PERCENT, FLAGGED_LEVELS } from '@/lib/engine/risk-model/account-backtest';
import type { AccountIdentity, MailMessage } from '@/lib/engine/types';
import { backtestMailbox, DAY, LEAVES_AT, ME, START } from '../features/backtest-mailbox';

const identity: AccountIdentity = { addresses: [ME], internalDomains: ['studio.example'] };
const HORIZON = 60 * DAY;

/** A colleague's daily mail: internal, never a client, but it keeps the account's span going. */
function colleague(days: number): MailMessage[] {
  return Array.from({ length: days }, (_, day) => ({
    id: `c${day}@studio.example`,
    threadId: `c${day}`,
    at: START + day * DAY,
    from: { email: 'ivan@studio.example' },
    to: [{ email: ME }],
    cc: [],
    subject: 'Standup',
    snippet: '',
  }));
}

describe('the backtest of one account', () => {
  it('flags at the level where the badge says a client is at risk', () => {
    expect(FLAGGED_LEVELS).toEqual(['high', 'critical']);
    expect(FLAGGED_FROM_PERCENT).toBe(50);
    expect(riskLevel(FLAGGED_FROM_PERCENT - 1)).toBe('watch');
  });

  it('counts the client who left, flagged before 60 days of silence were up, and the one who came back as a false alarm', () => {
    const result = backtestAccount({ messages: backtestMailbox(), identity });
    expect(result.note).toBeUndefined();
    expect(result.cuts).toBeGreaterThan(20);
    expect(result.quiet.map((q) => q.client)).toEqual(['leaves.example']);
    const [leaver] = result.quiet;
    expect(leaver?.lastMessageAt).toBeLessThan(LEAVES_AT);
    expect(leaver?.lastMessageAt).toBeGreaterThan(LEAVES_AT - 7 * DAY);
    // Flagged after their last message and before the 60 days were up; the lead counts to their end.
    expect(leaver?.flaggedAt).toBeGreaterThan(leaver?.lastMessageAt ?? 0);
    expect(leaver?.flaggedAt).toBeLessThan((leaver?.lastMessageAt ?? 0) + HORIZON);
    expect(result.medianLeadDays).toBe(
      Math.round(((leaver?.lastMessageAt ?? 0) + HORIZON - (leaver?.flaggedAt ?? 0)) / DAY),
    );
    expect([result.wentQuiet, result.flaggedInTime]).toEqual([1, 1]);
    // The client who was silent for six weeks and wrote again: flagged once during the silence, not each week.
    expect(result.alarms.map((a) => a.client)).toEqual(['returns.example']);
    expect(result.alarms[0]?.at).toBeGreaterThan(START + 240 * DAY);
    expect(result.alarms[0]?.at).toBeLessThan(START + 285 * DAY);
    expect(result.falseAlarmsPerMonth).toBe(Math.round((10 * 1) / result.months) / 10);
  });

  it('gives the same figures for the same mail in any order', () => {
    const messages = backtestMailbox();
    expect(backtestAccount({ messages: [...messages].reverse(), identity })).toEqual(
      backtestAccount({ messages, identity }),
    );
  });

  it('says plainly when there is too little history, no client, or no outcome of one kind', () => {
    expect(backtestAccount({ messages: [], identity })).toMatchObject({ cuts: 0, note: 'too-little-history' });
    const short = backtestMailbox().filter((m) => m.at < START + 120 * DAY);
    expect(backtestAccount({ messages: short, identity })).toMatchObject({ cuts: 0, note: 'too-little-history' });
    expect(backtestAccount({ messages: colleague(400), identity })).toMatchObject({ note: 'no-clients', wentQuiet: 0 });
    const stayed = backtestMailbox().filter(
      (m) => !m.from.email.endsWith('leaves.example') && !m.to[0]?.email.endsWith('leaves.example'),
    );
    expect(backtestAccount({ messages: stayed, identity })).toMatchObject({ note: 'no-one-went-quiet', wentQuiet: 0 });
    // Everyone stops writing early on while the colleague's mail goes on: no client ever wrote again.
    const left = [...backtestMailbox().filter((m) => m.at < START + 60 * DAY), ...colleague(400)];
    const allLeft = backtestAccount({ messages: left, identity });
    expect(allLeft).toMatchObject({ note: 'no-one-stayed', falseAlarms: 0 });
    expect(allLeft.wentQuiet).toBeGreaterThan(0);
  });
});
