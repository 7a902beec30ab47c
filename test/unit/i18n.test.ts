import { describe, expect, it } from 'vitest';
import { en, ru, STRING_AREAS, uk } from '@/lib/i18n/catalogs';
import { resolveLanguage } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';

describe('i18n', () => {
  it.each([
    ['uk', uk],
    ['ru', ru],
  ])('%s translates every English key and keeps every placeholder', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const translated = (catalog as Record<string, string>)[key] ?? '';
      expect(translated.match(/\{\w+\}/g)?.sort(), key).toEqual(english.match(/\{\w+\}/g)?.sort());
    }
  });

  it('gives every key to one area only', () => {
    const keys = STRING_AREAS.flatMap((area) => Object.keys(area.en));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.length).toBe(Object.keys(en).length);
  });

  it('follows the browser unless the user chose', () => {
    expect(resolveLanguage('auto', ['uk-UA', 'en-US'])).toBe('uk');
    expect(resolveLanguage('auto', ['de-DE', 'ru'])).toBe('ru');
    expect(resolveLanguage('auto', ['de-DE'])).toBe('en');
    expect(resolveLanguage('ru', ['uk-UA'])).toBe('ru');
  });

  it('interpolates and formats durations in the chosen language', () => {
    const day = 86_400_000;
    const hour = 3_600_000;
    expect(createTranslator('en').t('status.unreachable', { error: 'x' })).toContain(': x');
    expect(createTranslator('en').duration(2 * day + 4 * hour + 5 * 60_000)).toBe('2 days 4 hours');
    // date-fns spells this "днi" with a Latin i; it renders the same.
    expect(createTranslator('uk').duration(2 * day + 4 * hour)).toMatch(/^2 дн[іi] 4 години$/);
    expect(createTranslator('ru').duration(5 * hour + 30 * 60_000)).toBe('5 часов 30 минут');
    expect(createTranslator('en').duration(30_000)).toBe('less than a minute');
  });
});

// Names and technical words read the same in every language; everything else must be translated.
const SAME_IN_EVERY_LANGUAGE = /\{\w+\}|Keepwarm|Gmail|JSON|CSV|acme\.com|\d+:\d+/g;
const hasLatinWords = (text: string) => /[A-Za-z]{2,}/.test(text.replace(SAME_IN_EVERY_LANGUAGE, ''));
const hasCyrillic = (text: string) => /[\u0400-\u04FF]/.test(text);

describe('translations', () => {
  it.each([
    ['uk', uk],
    ['ru', ru],
  ])('%s leaves no English text untranslated', (_, catalog) => {
    const untranslated = Object.entries(en)
      .filter(([, english]) => hasLatinWords(english))
      .filter(([key]) => !hasCyrillic((catalog as Record<string, string>)[key] ?? ''))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('catches a key left in English', () => {
    expect(hasLatinWords('Save settings') && !hasCyrillic('Save settings')).toBe(true);
    expect(hasLatinWords('Keepwarm: {waiting}')).toBe(false);
  });
});
