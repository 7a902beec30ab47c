import { describe, expect, it } from 'vitest';
import type { Backtest, BacktestNote } from '@/lib/engine/risk-model/account-backtest';
import { backtestText } from '@/lib/i18n/backtest-text';
import { createTranslator } from '@/lib/i18n/translate';

const figures: Backtest = {
  model: { commit: 'd88681aa88f7aa1992071b74e95b23fcc719cc08', horizonDays: 60 },
  flagged: { levels: ['high', 'critical'], fromPercent: 50 },
  stepDays: 7,
  cuts: 33,
  firstCut: Date.UTC(2025, 3, 25),
  lastCut: Date.UTC(2025, 10, 28),
  months: 7.6,
  wentQuiet: 12,
  flaggedInTime: 9,
  medianLeadDays: 31,
  falseAlarms: 11,
  falseAlarmsPerMonth: 1.4,
  quiet: [],
  alarms: [],
};
const text = (language: 'en' | 'uk' | 'ru', backtest: Backtest) => backtestText(createTranslator(language), backtest);

describe('the backtest in words', () => {
  it('says the figures and what they mean in English, Ukrainian and Russian', () => {
    expect(text('en', figures)).toEqual({
      summary:
        'Clients who went quiet in your past: 12. Keepwarm would have flagged 9 of them, a median of 31 days before they were gone. False alarms: 1.4 a month.',
      definitions: [
        'Flagged: the level “High” or “Critical”, a chance of going quiet of 50% or more, where the badge says a client is at risk. Gone: nothing from the client for 60 days after a message of theirs, among clients who wrote on at least 3 days; “before” counts to the end of those 60 days. A false alarm: a client newly flagged who wrote within 60 days.',
        'Replayed weekly over 7.6 months, Apr 25, 2025 to Nov 28, 2025, with the model fitted at d88681a.',
      ],
    });
    expect(text('uk', figures).summary).toBe(
      'Клієнтів, що затихли у вашому минулому: 12. Keepwarm позначив би з них 9, за медіаною за 31 день до того, як вони зникли. Хибних тривог на місяць: 1,4.',
    );
    expect(text('ru', figures).summary).toBe(
      'Клиентов, затихших в вашем прошлом: 12. Keepwarm отметил бы из них 9, по медиане за 31 день до того, как они пропали. Ложных тревог в месяц: 1,4.',
    );
    expect(text('uk', figures).definitions[0]).toContain('імовірність затихнути 50% або більше');
    expect(text('ru', figures).definitions[1]).toMatch(
      /^Проиграно еженедельно за 7,6 мес\., с 25 апр\. 2025 г\. по 28 нояб\. 2025 г\./,
    );
  });

  it('says when none was flagged in time', () => {
    const none = { ...figures, flaggedInTime: 0, medianLeadDays: undefined } as unknown as Backtest;
    expect(text('en', none).summary).toBe(
      'Clients who went quiet in your past: 12. Keepwarm would have flagged none of them in time. False alarms: 1.4 a month.',
    );
    expect(text('uk', none).summary).toContain('не позначив би вчасно жодного');
    expect(text('ru', none).summary).toContain('не отметил бы вовремя ни одного');
  });

  it('says plainly why there are no figures, in every language', () => {
    const notes: BacktestNote[] = ['too-little-history', 'no-clients', 'no-one-went-quiet', 'no-one-stayed'];
    const said = (language: 'en' | 'uk' | 'ru') =>
      notes.map((note) => text(language, { ...figures, note, wentQuiet: 3, flaggedInTime: 2 }).summary);
    expect(said('en')).toEqual([
      'Too little history to backtest: it needs about five months of mail (three before the first week replayed, two after the last). Import more of your past mail.',
      'No client has enough history to test: none wrote to you on 3 or more days with an exchange in the half year before.',
      'No client went quiet in the months replayed, so there was no one to flag in time. False alarms: 1.4 a month.',
      'Every client went quiet in the months replayed (3), so no alarm could be told false. Keepwarm would have flagged 2 of them in time.',
    ]);
    for (const language of ['uk', 'ru'] as const) {
      const texts = said(language);
      expect(new Set(texts).size).toBe(4);
      for (const [i, line] of texts.entries()) {
        expect(line).not.toMatch(/[{}]/);
        expect(line).not.toBe(said('en')[i]);
      }
      expect(texts[3]).toContain('(3)');
    }
    const tooShort = { ...figures, cuts: 0, firstCut: undefined, lastCut: undefined, note: 'too-little-history' };
    expect(text('en', tooShort as unknown as Backtest).definitions).toHaveLength(1);
  });
});
