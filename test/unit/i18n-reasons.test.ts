import { describe, expect, it, vi } from 'vitest';
import { createRiskNotices } from '@/lib/background/risk-notices';
import type { ClientReport } from '@/lib/engine/report-types';
import type { ReasonEnding, ReasonNumbers, RiskReason } from '@/lib/engine/risk-types';
import type { RisksChangedNotice } from '@/lib/features/gmail/messages';
import { LANGUAGES } from '@/lib/i18n/locales';
import {
  chanceText,
  isolatePhrase,
  reasonEndingText,
  reasonShareText,
  reasonText,
  riskEndingsText,
} from '@/lib/i18n/risk-reason-text';
import { createTranslator } from '@/lib/i18n/translate';

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
  { kind: 'declining', weight: 10, text: '', numbers: { last30: 2, previous90: 29, expected30: 9.6, ratio: 0.2 } },
  { kind: 'account_quiet', weight: 12, text: '', numbers: { last30: 40, expected30: 120 } },
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
    expect(reasonText(t, REASONS[12] as RiskReason)).toContain('we are looking at other agencies');
  });

  it.each(LANGUAGES)(
    'says in %s that a client who never answered has not, rather than a default reply time',
    (language) => {
      const t = createTranslator(language);
      const never = waitingOnThem(0);
      const text = reasonText(t, { ...never, numbers: { ...never.numbers, noReplyYet: true } } as RiskReason);
      expect(text).not.toBe(reasonText(t, never));
      expect(text).not.toMatch(/[{}]|2 (days|дні|дня)/);
      if (language === 'en')
        expect(text).toBe('no answer to your message for 9 days — they have not answered a message of yours yet');
    },
  );

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

  it('says the model’s own reasons in English, with what ends each', () => {
    const t = createTranslator('en');
    const few = REASONS[8] as RiskReason;
    expect(reasonText(t, few)).toBe('only 2 days of contact so far, the first 12 days ago');
    // One day and one message are said in the singular, in every language.
    const one = { ...few, numbers: { ...few.numbers, contactDays: 1 } } as RiskReason;
    expect(reasonText(t, one)).toBe('only one day of contact so far, 12 days ago');
    expect(reasonText(createTranslator('uk'), one)).toContain('лише один день контакту');
    expect(reasonText(createTranslator('ru'), one)).toContain('лишь один день контакта');
    // No day of contact means only the user has written: not "only 0 days".
    const none = { ...few, numbers: { ...few.numbers, contactDays: 0 } } as RiskReason;
    expect(reasonText(t, none)).toBe('no message from them yet; you first wrote 12 days ago');
    expect(reasonText(createTranslator('uk'), none)).toContain('від них ще жодного листа');
    expect(reasonText(createTranslator('ru'), none)).toContain('от них ещё ни одного письма');
    // Nor is a silence set against a rhythm they never had.
    const neverWrote = { metrics: { cadence: undefined } } as unknown as Pick<ClientReport, 'metrics'>;
    const silence = REASONS[6] as Extract<RiskReason, { kind: 'silence' }>;
    const ours = { ...silence, numbers: { ...silence.numbers, lastFromThem: false } };
    expect(reasonText(t, ours, neverWrote)).toBe(
      'last exchange 41 days ago (yours) — no message from them yet; your clients usually write every 17 days',
    );
    for (const language of ['uk', 'ru'] as const)
      expect(reasonText(createTranslator(language), ours, neverWrote)).toContain(
        language === 'uk' ? 'від них ще жодного листа' : 'от них ещё ни одного письма',
      );
    const declining = REASONS[10] as RiskReason;
    const single = { ...declining, numbers: { ...declining.numbers, last30: 1 } } as RiskReason;
    expect(reasonText(t, single)).toBe('1 message from them in the last 30 days and 29 in the 90 days before');
    expect(reasonText(t, REASONS[10] as RiskReason)).toBe(
      '2 messages from them in the last 30 days and 29 in the 90 days before',
    );
    // Nothing in either window reads as one phrase, not "0 … and 0 …".
    const quiet = { ...declining, numbers: { ...declining.numbers, last30: 0, previous90: 0 } } as RiskReason;
    expect(reasonText(t, quiet)).toBe('no message from them in the last 120 days');
    expect(reasonText(createTranslator('uk'), quiet)).toBe('жодного листа від них за останні 120 днів');
    expect(reasonText(createTranslator('ru'), quiet)).toBe('ни одного письма от них за последние 120 дней');
    expect(reasonText(t, REASONS[11] as RiskReason)).toBe(
      'your whole mailbox is quieter: 40 messages from clients in the last 30 days, about 120 a month before',
    );
    const risk = { score: 38, model: { commit: 'c', horizonDays: 60 } };
    expect(chanceText(t, risk)).toBe('38% chance they go quiet in the next 60 days');
    const ending = (by: ReasonEnding['by'], chance: number, removes = false) =>
      reasonEndingText(t, { ...few, ends: { by, chance, removes } }, risk);
    expect(ending('their_message', 0.142)).toBe('a message from them today brings the chance to 14%');
    expect(ending('their_message', 0.142, true)).toBe(
      'a message from them today ends this reason and brings the chance to 14%',
    );
    expect(ending('our_reply', 0.38, true)).toBe('answering today removes this reason; the chance stays 38%');
    expect(ending('our_reply', 0.3, true)).toBe('answering today removes this reason and brings the chance to 30%');
    expect(ending('usual_mail', 0.21)).toBe('at your usual volume of mail the chance would be 21%');
    expect(reasonEndingText(t, few, risk)).toBe('');
    expect(reasonShareText(t, { ...few, weight: 62.4 })).toBe('62% of this chance');
    expect(reasonShareText(t, { ...few, weight: 0, urgent: true })).toBe('act now — it does not raise the chance');
  });

  it.each(LANGUAGES)('says the chance, every share and every ending in %s with its numbers', (language) => {
    const t = createTranslator(language);
    const risk = { score: 38, model: { commit: 'c', horizonDays: 60 } };
    const chance = chanceText(t, risk);
    expect(chance).toContain('38%');
    expect(chance).toContain('60');
    for (const reason of REASONS) {
      for (const by of ['their_message', 'our_reply', 'usual_mail'] as const) {
        for (const removes of [true, false]) {
          const text = reasonEndingText(t, { ...reason, ends: { by, chance: 0.17, removes } } as RiskReason, risk);
          expect(text, `${reason.kind} ${by}`).toContain('17%');
          expect(text).not.toMatch(/[{}]/);
        }
      }
      expect(reasonShareText(t, { ...reason, weight: 40 } as RiskReason)).toContain('40%');
      expect(reasonShareText(t, { ...reason, weight: 0, urgent: true } as RiskReason).length).toBeGreaterThan(10);
    }
    expect(t.t('risk.lowButWaiting').length).toBeGreaterThan(20);
    if (language !== 'en') expect(chance).not.toBe(chanceText(createTranslator('en'), risk));
  });

  it('says the chance after an event once when several reasons share it, and under each reason what it ends', () => {
    const t = createTranslator('en');
    const ended = (index: number, by: ReasonEnding['by'], chance: number, removes: boolean) =>
      ({ ...(REASONS[index] as RiskReason), ends: { by, chance, removes } }) as RiskReason;
    // Three reasons a message from them would change alike: the 23% is said once, not three times.
    const sharing = riskEndingsText(t, {
      score: 58,
      reasons: [
        ended(8, 'their_message', 0.23, false),
        ended(10, 'their_message', 0.23, false),
        ended(4, 'their_message', 0.23, true),
      ],
    });
    expect(sharing.shared).toEqual(['a message from them today brings the chance to 23%']);
    expect(sharing.perReason).toEqual(['', '', 'a message from them today ends this reason']);
    // One reason per event keeps its whole sentence; the account's usual mail is never shared.
    const apart = riskEndingsText(t, {
      score: 38,
      reasons: [
        ended(8, 'their_message', 0.2, false),
        ended(0, 'our_reply', 0.38, true),
        ended(11, 'usual_mail', 0.3, false),
      ],
    });
    expect(apart.shared).toEqual([]);
    expect(apart.perReason).toEqual([
      'a message from them today brings the chance to 20%',
      'answering today removes this reason; the chance stays 38%',
      'at your usual volume of mail the chance would be 30%',
    ]);
    // Replies that end two reasons: whether the chance stays or moves is said once.
    const replies = (chance: number) =>
      riskEndingsText(t, {
        score: 38,
        reasons: [ended(0, 'our_reply', chance, true), ended(3, 'our_reply', chance, true)],
      });
    expect(replies(0.38).shared).toEqual(['answering today keeps the chance at 38%']);
    expect(replies(0.3).shared).toEqual(['answering today brings the chance to 30%']);
    expect(replies(0.3).perReason).toEqual([
      'answering today removes this reason',
      'answering today removes this reason',
    ]);
    // The same event at a different chance is another line: rounding, not the event alone, makes the group.
    expect(
      riskEndingsText(t, { score: 38, reasons: [ended(0, 'our_reply', 0.3, true), ended(3, 'our_reply', 0.31, true)] })
        .shared,
    ).toEqual([]);
    for (const chance of [0.38, 0.3]) {
      const four = [
        ended(0, 'our_reply', chance, true),
        ended(3, 'our_reply', chance, true),
        ended(8, 'their_message', 0.2, true),
        ended(9, 'their_message', 0.2, true),
      ];
      const english = riskEndingsText(t, { score: 38, reasons: four });
      for (const language of LANGUAGES) {
        const said = riskEndingsText(createTranslator(language), { score: 38, reasons: four });
        expect(said.shared, language).toHaveLength(2);
        for (const line of said.shared) expect(line).toMatch(/^[^{}]*\d+%[^{}]*$/);
        for (const line of said.perReason) expect(line.length).toBeGreaterThan(10);
        if (language !== 'en') {
          expect(said.shared).not.toEqual(english.shared);
          expect(said.perReason).not.toEqual(english.perReason);
        }
      }
    }
  });

  it('quotes a client’s words isolated and shortened, so an override character cannot turn the sentence', () => {
    const quoted = isolatePhrase(`\u202Eevil ${'x'.repeat(10_000)}`);
    expect(quoted.startsWith('\u2068')).toBe(true);
    expect(quoted.endsWith('\u2069')).toBe(true);
    expect(quoted.length).toBeLessThan(200);
    const hostile = { ...(REASONS[12] as RiskReason), phrase: `\u202Eevil ${'x'.repeat(10_000)}` } as RiskReason;
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
