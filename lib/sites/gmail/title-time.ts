import { tz } from '@date-fns/tz';
import { isValid, type Locale, parse } from 'date-fns';
import { de, enGB, enUS, es, fr, pl, ru, uk } from 'date-fns/locale';

// The fallback when an element carries no time-coded id: Gmail's `title` text,
// written in the user's display language and time zone with no offset (DOM
// notes §1.6). Formats are the CLDR medium date + short time that Gmail uses,
// with the weekday removed first. A title that fits no format gives no time:
// we never guess.

const FORMATS: { locale: Locale; lang: string; formats: string[] }[] = [
  { locale: enUS, lang: 'en', formats: ["MMM d, yyyy 'at' h:mm a", 'MMM d, yyyy, h:mm a', 'MMM d, yyyy h:mm a'] },
  { locale: enGB, lang: 'en-GB', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'at' HH:mm"] },
  { locale: uk, lang: 'uk', formats: ["d MMM yyyy 'р.', HH:mm", "d MMMM yyyy 'р.' 'о' HH:mm"] },
  { locale: ru, lang: 'ru', formats: ["d MMM yyyy 'г.', HH:mm", "d MMMM yyyy 'г.' 'в' HH:mm"] },
  { locale: de, lang: 'de', formats: ['d. MMM yyyy, HH:mm', 'dd.MM.yyyy, HH:mm', "d. MMM yyyy 'um' HH:mm"] },
  { locale: fr, lang: 'fr', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'à' HH:mm"] },
  { locale: es, lang: 'es', formats: ['d MMM yyyy, H:mm', 'd MMM yyyy, HH:mm'] },
  { locale: pl, lang: 'pl', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'o' HH:mm"] },
];

const WEEKDAY_PREFIX = /^[\p{L}]{1,4}\.?,?\s+/u;
const RELATIVE_SUFFIX = /\s*\([^)]*\)\s*$/;
const GMAIL_LAUNCH = Date.UTC(2004, 3, 1);

export interface TitleTimeOptions {
  timeZone: string;
  now: number;
  /** The page language (`<html lang>`), tried first. */
  language?: string;
}

/** Parses a Gmail date title into epoch ms, or undefined when it fits no known format. */
export function parseTitleTime(title: string, options: TitleTimeOptions): number | undefined {
  const cleaned = title
    .replace(/\u202f|\u00a0/g, ' ')
    .replace(RELATIVE_SUFFIX, '')
    .trim();
  if (!cleaned || cleaned.length > 80) return undefined;
  const candidates = [cleaned, cleaned.replace(WEEKDAY_PREFIX, '')];
  const preferred = options.language?.toLowerCase() ?? '';
  const ordered = [...FORMATS].sort(
    (a, b) => Number(preferred.startsWith(b.lang.toLowerCase())) - Number(preferred.startsWith(a.lang.toLowerCase())),
  );
  const reference = new Date(options.now);
  for (const { locale, formats } of ordered) {
    for (const format of formats) {
      for (const text of candidates) {
        const date = parse(text, format, reference, { locale, in: tz(options.timeZone) });
        const at = date.getTime();
        if (isValid(date) && at >= GMAIL_LAUNCH && at <= options.now + 86_400_000) return at;
      }
    }
  }
  return undefined;
}
