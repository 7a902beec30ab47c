import { describe, expect, it } from 'vitest';
import type { FollowUp } from '@/lib/engine/follow-ups';
import type { ClientReport } from '@/lib/engine/report-types';
import type { RiskReason } from '@/lib/engine/risk-types';
import { followUpText } from '@/lib/i18n/risk-reason-text';
import { createTranslator } from '@/lib/i18n/translate';
import { parseUserSettings } from '@/lib/settings/user-settings';
import { checkDraft, draftOf } from '@/lib/ui/settings-form';

const DAY = 86_400_000;
const now = 1_000 * DAY;

const silence: RiskReason = {
  kind: 'silence',
  weight: 70,
  text: '',
  numbers: {
    silenceDays: 45,
    usualGapDays: 7,
    unusualGapDays: 20,
    expectedGapDays: 8,
    accountGapDays: 9,
    lastFromThem: true,
  },
};

const report = (reasons: RiskReason[]): Pick<ClientReport, 'threads' | 'risk' | 'metrics'> =>
  ({
    threads: [],
    risk: { score: 62, level: 'high', reasons, valueFactor: 1, model: { commit: 'x', horizonDays: 60 } },
    metrics: { firstSeenAt: now - 400 * DAY },
  }) as unknown as Pick<ClientReport, 'threads' | 'risk' | 'metrics'>;

const followUp = (f: Partial<FollowUp>): FollowUp => ({
  key: 'k',
  clientKey: 'c',
  kind: 'check_in',
  reason: '',
  dueAt: now,
  anchorAt: now - 45 * DAY,
  urgency: 1,
  priority: 1,
  status: 'open',
  ...f,
});

const checkIn = followUp({ chance: { percent: 62, threshold: 40 } });
const proactive = followUp({ kind: 'proactive', lastStartedByUsAt: now - 100 * DAY });
const proactiveNever = followUp({ kind: 'proactive' });

describe('follow-ups that follow the model, in every language', () => {
  it('says the check-in’s chance, the user’s threshold and the strongest reason', () => {
    const en = createTranslator('en');
    const uk = createTranslator('uk');
    const ru = createTranslator('ru');
    expect(followUpText(en, checkIn, report([silence]), now)).toBe(
      'Check in: 62% chance they go quiet in 60 days, at or over your 40% — last exchange 45 days ago (their message) — expected about every 8 days: they usually write every 7 days, your clients every 9 days',
    );
    expect(followUpText(en, checkIn, report([]), now)).toBe(
      'Check in: 62% chance they go quiet in 60 days, at or over your 40%',
    );
    expect(followUpText(uk, checkIn, report([]), now)).toBe(
      'Написати: імовірність 62%, що затихнуть за 60 днів, — на рівні вашого порогу 40% або вище',
    );
    expect(followUpText(ru, checkIn, report([]), now)).toBe(
      'Написать: вероятность 62%, что затихнут за 60 дней, — на уровне вашего порога 40% или выше',
    );
  });

  it('says how long since we last started a conversation, or that we never did', () => {
    const texts = (['en', 'uk', 'ru'] as const).map((l) => {
      const tr = createTranslator(l);
      return [followUpText(tr, proactive, report([]), now), followUpText(tr, proactiveNever, report([]), now)];
    });
    expect(texts).toEqual([
      [
        'Check in: you have not started a conversation with them for 100 days',
        'Check in: you have never started a conversation with them in 400 days',
      ],
      [
        'Написати: ви не починали розмову з ними вже 100 днів',
        'Написати: ви жодного разу не починали розмову з ними за 400 днів',
      ],
      [
        'Написать: вы не начинали разговор с ними уже 100 дней',
        'Написать: вы ни разу не начинали разговор с ними за 400 дней',
      ],
    ]);
  });
});

describe('the check-in threshold setting', () => {
  it('keeps settings stored before it valid, at 50%', () => {
    expect(parseUserSettings({ replyTargetHours: 4 }).checkInPercent).toBe(50);
  });

  it('saves a typed threshold and refuses one out of range, in words every language has', () => {
    const saved = parseUserSettings({});
    expect(checkDraft({ ...draftOf(saved), checkInPercent: '35' }, saved)).toMatchObject({
      ok: true,
      settings: { checkInPercent: 35 },
    });
    for (const typed of ['0', '99', '', 'half', '40.5']) {
      const check = checkDraft({ ...draftOf(saved), checkInPercent: typed }, saved);
      expect(check).toMatchObject({
        ok: false,
        errors: { checkInPercent: { key: 'options.error.checkInPercent', params: { min: 5, max: 95 } } },
      });
    }
    expect(
      ['en', 'uk', 'ru'].map((l) => createTranslator(l as 'en').t('options.error.checkInPercent', { min: 5, max: 95 })),
    ).toEqual([
      'Enter a whole number from 5 to 95.',
      'Введіть ціле число від 5 до 95.',
      'Введите целое число от 5 до 95.',
    ]);
  });
});
