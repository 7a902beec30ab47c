import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WaitingRow } from '@/components/waiting-row';
import { LANGUAGES } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { TranslatorContext } from '@/lib/ui/use-translator';
import type { WaitingEntry } from '@/lib/ui/waiting-list';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;

const entry = (level: WaitingEntry['level'], change: Partial<WaitingEntry> = {}): WaitingEntry => ({
  account: 'me@studio.example',
  clientKey: 'acme.example',
  name: 'Acme',
  level,
  score: level === 'low' ? 12 : 62,
  subject: 'Offer',
  since: NOW - 9 * DAY,
  waitingMs: 9 * DAY,
  usualMs: 2 * DAY,
  threads: 1,
  dueAt: NOW - 7 * DAY,
  haystack: 'acme',
  ...change,
});

function row(
  level: WaitingEntry['level'],
  side: 'onYou' | 'stopped',
  language: (typeof LANGUAGES)[number] = 'en',
  change: Partial<WaitingEntry> = {},
) {
  const props = {
    entry: entry(level, change),
    side,
    now: NOW,
    active: false,
    showAccount: false,
    onOpen: () => {},
    onFocus: () => {},
  };
  return renderToStaticMarkup(
    createElement(TranslatorContext.Provider, { value: createTranslator(language) }, createElement(WaitingRow, props)),
  );
}

describe('a client who stopped answering you', () => {
  it.each(LANGUAGES)('says why a low chance of going quiet and the wait are both true, in %s', (language) => {
    const text = createTranslator(language).t('risk.lowButWaiting');
    expect(row('low', 'stopped', language)).toContain(text);
    expect(row('high', 'stopped', language)).not.toContain(text);
    expect(row('low', 'onYou', language)).not.toContain(text);
  });
});

describe('a waiting row says why it stands where it does', () => {
  it.each(LANGUAGES)('names the cue to acknowledge, else how late the follow-up is, in %s', (language) => {
    const { t, duration } = createTranslator(language);
    expect(row('high', 'onYou', language)).toContain(t('popup.why.overdue', { late: duration(7 * DAY) }));
    expect(row('high', 'onYou', language, { dueAt: NOW + 3 * 3_600_000 })).toContain(
      t('popup.why.due', { left: duration(3 * 3_600_000) }),
    );
    const cue = t('popup.why.cue', { cue: t('riskReason.cue.cancellation') });
    expect(row('high', 'onYou', language, { cue: 'cancellation' })).toContain(cue);
    expect(cue).not.toContain('{');
  });
});
