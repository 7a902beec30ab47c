import { describe, expect, it } from 'vitest';
import type { RiskReason } from '@/lib/engine/risk-types';
import { urgencyMark } from '@/lib/engine/urgency-mark';
import { createTranslator } from '@/lib/i18n/translate';

const cue = (kind: 'cancellation' | 'complaint' | 'price', answered: boolean): RiskReason => ({
  kind,
  weight: 0,
  urgent: true,
  text: '',
  numbers: { ageDays: 1, hits: 1, answered },
  phrase: 'cancel our contract',
});
const waiting: RiskReason = {
  kind: 'waiting_on_us',
  weight: 0,
  urgent: true,
  text: '',
  numbers: { waitingMs: 1, waitingBusinessMs: 1, usualReplyBusinessMs: 1, threads: 1 },
};
const silence: RiskReason = {
  kind: 'silence',
  weight: 100,
  text: '',
  numbers: {
    silenceDays: 9,
    usualGapDays: 7,
    unusualGapDays: 20,
    expectedGapDays: 8,
    accountGapDays: 9,
    lastFromThem: true,
  },
};

describe('the urgency mark beside the level', () => {
  it('marks an unanswered question about cancelling first, then a complaint, then a wait on our reply', () => {
    expect(urgencyMark([silence, waiting, cue('complaint', false), cue('cancellation', false)])?.kind).toBe(
      'cancellation',
    );
    expect(urgencyMark([waiting, cue('complaint', false)])?.kind).toBe('complaint');
    expect(urgencyMark([cue('cancellation', true), waiting])?.kind).toBe('waiting_on_us');
  });

  it('marks nothing for the chance’s own reasons or cues answered since', () => {
    expect(urgencyMark([silence])).toBeUndefined();
    expect(urgencyMark([cue('price', true)])).toBeUndefined();
  });

  it('has a word for every mark in every language', () => {
    const kinds = ['cancellation', 'complaint', 'competitor', 'price', 'waiting_on_us'] as const;
    const words = (['en', 'uk', 'ru'] as const).map((l) =>
      kinds.map((k) => createTranslator(l).t(`badge.urgent.${k}`)),
    );
    expect(words).toEqual([
      ['cancelling?', 'complaint', 'competitors', 'price', 'waiting'],
      ['скасування?', 'скарга', 'конкуренти', 'ціна', 'чекає'],
      ['отмена?', 'жалоба', 'конкуренты', 'цена', 'ждёт'],
    ]);
  });
});
