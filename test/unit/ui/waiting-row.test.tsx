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

const entry = (level: WaitingEntry['level']): WaitingEntry => ({
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
  haystack: 'acme',
});

function row(level: WaitingEntry['level'], side: 'onYou' | 'stopped', language: (typeof LANGUAGES)[number] = 'en') {
  const props = {
    entry: entry(level),
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
