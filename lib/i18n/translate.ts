import { format, formatDuration, intervalToDuration } from 'date-fns';
import { enUS, ru as ruDates, uk as ukDates } from 'date-fns/locale';
import { en, type MessageKey, ru, uk } from './catalogs';
import type { Language } from './locales';

const catalogs: Record<Language, Record<MessageKey, string>> = { en, uk, ru };
/** date-fns locales of the UI languages, for every date, weekday and duration a surface shows. */
export const dateLocales = { en: enUS, uk: ukDates, ru: ruDates };

export type Params = Record<string, string | number>;

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** A duration in the two largest units that matter ("2 days 4 hours", "2 дні 4 години"). */
  duration(ms: number): string;
  /** A whole number of days, in days however many ("41 days", "41 день"). */
  days(count: number): string;
  /** A calendar date ("Nov 20, 2026", "20 лист. 2026 р."). */
  date(at: number): string;
  /** A date with its time. */
  dateTime(at: number): string;
}

export function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const UNITS = ['years', 'months', 'days', 'hours', 'minutes'] as const;

export function createTranslator(language: Language): Translator {
  const catalog = catalogs[language];
  const t = (key: MessageKey, params?: Params) => interpolate(catalog[key], params);
  return {
    language,
    t,
    duration(ms) {
      if (ms < 60_000) return t('duration.lessThanMinute');
      const parts = intervalToDuration({ start: 0, end: ms });
      const first = UNITS.findIndex((unit) => (parts[unit] ?? 0) > 0);
      const shown = UNITS.slice(first, first + 2).filter((unit) => (parts[unit] ?? 0) > 0);
      return formatDuration(parts, { format: [...shown], locale: dateLocales[language] });
    },
    days(count) {
      return formatDuration(
        { days: Math.round(count) },
        { format: ['days'], zero: true, locale: dateLocales[language] },
      );
    },
    date(at) {
      return format(at, 'PP', { locale: dateLocales[language] });
    },
    dateTime(at) {
      return format(at, 'PP p', { locale: dateLocales[language] });
    },
  };
}
