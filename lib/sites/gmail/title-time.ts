import { tz } from '@date-fns/tz';
import { isValid, type Locale, parse } from 'date-fns';
import { de, enGB, enUS, es, fr, pl, ru, uk } from 'date-fns/locale';

// The fallback when an element carries no time-coded id: Gmail's `title` text,
// written in the user's display language and time zone with no offset (DOM
// notes §1.6). Formats are the CLDR medium date + short time that Gmail uses,
// with the weekday removed first. A title that fits no format gives no time:
// we never guess.

interface LocaleFormats {
  locale: Locale;
  lang: string;
  formats: string[];
  /** CLDR month abbreviations that date-fns does not read, rewritten to ones it does. */
  monthAliases?: [RegExp, string][];
}

const FORMATS: LocaleFormats[] = [
  { locale: enUS, lang: 'en', formats: ["MMM d, yyyy 'at' h:mm a", 'MMM d, yyyy, h:mm a', 'MMM d, yyyy h:mm a'] },
  { locale: enGB, lang: 'en-GB', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'at' HH:mm"] },
  {
    locale: uk,
    lang: 'uk',
    formats: ["d MMM yyyy 'р.', HH:mm", "d MMMM yyyy 'р.' 'о' HH:mm"],
    monthAliases: [[/ лист\. /u, ' лис. ']],
  },
  {
    locale: ru,
    lang: 'ru',
    formats: ["d MMM yyyy 'г.', HH:mm", "d MMMM yyyy 'г.' 'в' HH:mm"],
    monthAliases: [[/ февр\. /u, ' фев. ']],
  },
  {
    locale: de,
    lang: 'de',
    formats: ['d. MMM yyyy, HH:mm', 'dd.MM.yyyy, HH:mm', "d. MMM yyyy 'um' HH:mm"],
    monthAliases: [[/ Sept\. /u, ' Sep. ']],
  },
  { locale: fr, lang: 'fr', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'à' HH:mm"] },
  { locale: es, lang: 'es', formats: ['d MMM yyyy, H:mm', 'd MMM yyyy, HH:mm'] },
  { locale: pl, lang: 'pl', formats: ['d MMM yyyy, HH:mm', "d MMM yyyy 'o' HH:mm"] },
];

// Up to six letters: Polish writes Sunday as "niedz.".
const WEEKDAY_PREFIX = /^[\p{L}]{1,6}\.?,?\s+/u;
const RELATIVE_SUFFIX = /\s*\([^)]*\)\s*$/;
const GMAIL_LAUNCH = Date.UTC(2004, 3, 1);

export interface TitleTimeOptions {
  /** The time zone the title is written in; Gmail writes the browser's. Defaults to this runtime's. */
  timeZone?: string;
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
  const zone = tz(options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  for (const { locale, formats, monthAliases = [] } of ordered) {
    const texts = candidates.map((text) => monthAliases.reduce((out, [from, to]) => out.replace(from, to), text));
    for (const format of formats) {
      for (const text of texts) {
        const date = parse(text, format, reference, { locale, in: zone });
        const at = date.getTime();
        if (isValid(date) && at >= GMAIL_LAUNCH && at <= options.now + 86_400_000) return at;
      }
    }
  }
  return undefined;
}
