import { format } from 'date-fns';
import type { Language } from '@/lib/i18n/locales';
import { dateLocales } from '@/lib/i18n/translate';

/** The week's days in the language's order (Monday first in Ukrainian and Russian), each with its full name. */
export function weekdays(language: Language): { day: number; name: string }[] {
  const locale = dateLocales[language];
  const first = locale.options?.weekStartsOn ?? 0;
  return Array.from({ length: 7 }, (_, i) => {
    const day = (first + i) % 7;
    const name = locale.localize.day(day as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width: 'wide' });
    return { day, name: name.charAt(0).toLocaleUpperCase(language) + name.slice(1) };
  });
}

/** An hour of the day as the language writes it ("9:00 AM", "09:00"). */
export function hourLabel(hour: number, language: Language): string {
  return format(new Date(2000, 0, 1, hour), 'p', { locale: dateLocales[language] });
}

/** A moment as the language writes a date and time. */
export function dateTimeLabel(at: number, language: Language): string {
  return format(at, 'PPp', { locale: dateLocales[language] });
}

/** Every IANA time zone the browser knows, with `current` kept even when the list lacks it. */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
