import { describe, expect, it, vi } from 'vitest';
import { createRiskNotices } from '@/lib/background/risk-notices';
import type { ReasonNumbers, RiskReason } from '@/lib/engine/risk-types';
import { LANGUAGES } from '@/lib/i18n/locales';
import { isolatePhrase, reasonText } from '@/lib/i18n/risk-reason-text';
import { createTranslator } from '@/lib/i18n/translate';
import type { RisksChangedNotice } from '@/lib/messaging/schemas';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cue = { ageDays: 3, hits: 2, answered: true };

// One reason of every kind the engine gives, with the variants each sentence has.
const waitingOnUs = (numbers: Partial<ReasonNumbers['waiting_on_us']>): RiskReason => ({
  kind: 'waiting_on_us',
  weight: 8,
  text: '',
  numbers: { waitingMs: 2 * DAY, waitingBusinessMs: 10 * HOUR, usualReplyBusinessMs: 4 * HOUR, threads: 1, ...numbers },
});

const waitingOnThem = (usualGapMs: number): RiskReason => ({
  kind: 'waiting_on_them',
  weight: 9,
  text: '',
  numbers: { waitingMs: 9 * DAY, usualReplyMs: 2 * DAY, usualGapMs, threads: 1 },
});

const REASONS: RiskReason[] = [
  waitingOnUs({ usualReplyMs: 5 * HOUR }),
  waitingOnUs({}),
  waitingOnUs({ usualReplyMs: 5 * HOUR, usualReplyBusinessMs: 2 * HOUR, targetBusinessMs: 2 * HOUR }),
  {
    kind: 'slow_replies',
    weight: 10,
    text: '',
    numbers: { recentMedianBusinessMs: 9 * HOUR, usualMedianBusinessMs: 2 * HOUR, recentSamples: 4 },
  },
  waitingOnThem(7 * DAY),
  waitingOnThem(DAY),
  ...[true, false].map(
    (lastFromThem): RiskReason => ({
      kind: 'silence',
      weight: 30,
      text: '',
      numbers: {
        silenceDays: 41,
        usualGapDays: 9,
        unusualGapDays: 20,
        expectedGapDays: 12.4,
        accountGapDays: 17,
        lastFromThem,
      },
    }),
  ),
  { kind: 'few_contacts', weight: 10, text: '', numbers: { contactDays: 2, firstSeenDaysAgo: 12 } },
  { kind: 'low_p_alive', weight: 10, text: '', numbers: { pAlive: 0.234, contactDays: 9, daysSinceLastContact: 50 } },
  { kind: 'declining', weight: 10, text: '', numbers: { last30: 2, expected30: 9.6, ratio: 0.2 } },
  ...(['cancellation', 'competitor', 'complaint', 'price'] as const).map(
    (kind): RiskReason => ({ kind, weight: 20, text: '', numbers: cue, phrase: 'we are looking at other agencies' }),
  ),
];

describe('risk reasons in plain words', () => {
  it.each(LANGUAGES)('renders every kind in %s with its numbers and no placeholder left', (language) => {
    const t = createTranslator(language);
    for (const reason of REASONS) {
      const text = reasonText(t, reason);
      expect(text, reason.kind).not.toMatch(/[{}]/);
      expect(text.length, reason.kind).toBeGreaterThan(15);
    }
    expect(reasonText(t, REASONS[9] as RiskReason)).toContain('23%');
    expect(reasonText(t, REASONS[2] as RiskReason)).toContain('2');
    expect(reasonText(t, REASONS[11] as RiskReason)).toContain('we are looking at other agencies');
  });

  it('says the engine’s figures in English', () => {
    const t = createTranslator('en');
    expect(reasonText(t, REASONS[0] as RiskReason)).toBe(
      'waiting 2 days for your reply (10 hours of working time) — you usually answer this client in 5 hours',
    );
    expect(reasonText(t, REASONS[2] as RiskReason)).toMatch(/; your target is 2 hours of working time$/);
    expect(reasonText(t, REASONS[6] as RiskReason)).toBe(
      'last exchange 41 days ago (their message) — expected about every 12 days: they usually write every 9 days, your clients every 17 days',
    );
  });

  it('quotes a client’s words isolated and shortened, so an override character cannot turn the sentence', () => {
    const quoted = isolatePhrase(`\u202Eevil ${'x'.repeat(10_000)}`);
    expect(quoted.startsWith('\u2068')).toBe(true);
    expect(quoted.endsWith('\u2069')).toBe(true);
    expect(quoted.length).toBeLessThan(200);
    const hostile = { ...(REASONS[11] as RiskReason), phrase: `\u202Eevil ${'x'.repeat(10_000)}` } as RiskReason;
    expect(reasonText(createTranslator('en'), hostile)).toContain(quoted);
  });
});

describe('risk change notices', () => {
  it('tells the tabs of an account, and forgets a tab that no longer answers', async () => {
    const send = vi.fn(async (tabId: number, _notice: RisksChangedNotice) => {
      if (tabId === 3) throw new Error('no receiving end');
    });
    const notices = createRiskNotices(send);
    notices.remember('a@x.example', 1);
    notices.remember('a@x.example', 3);
    notices.remember('b@x.example', 2);
    notices.remember('a@x.example', undefined);
    await notices.notify('a@x.example');
    expect(send.mock.calls.map(([tab]) => tab).sort()).toEqual([1, 3]);
    send.mockClear();
    await notices.notify('a@x.example');
    expect(send.mock.calls).toEqual([[1, { type: 'background/risks-changed', account: 'a@x.example' }]]);
    // A tab that switched account hears only about the new one.
    notices.remember('b@x.example', 1);
    send.mockClear();
    await notices.notifyAll();
    expect(send.mock.calls.map(([tab, notice]) => [tab, notice.account]).sort()).toEqual([
      [1, 'b@x.example'],
      [2, 'b@x.example'],
    ]);
  });
});
