// Gmail's own words and date formats in the UI languages the demo renders.
import { tz } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import { enGB, enUS, ru, uk } from 'date-fns/locale';

export type UiLanguage = 'en' | 'en-GB' | 'uk' | 'ru';

interface UiText {
  me: string;
  to: string;
  /** Before the recipients of an opened message: "to". */
  toRecipients: string;
  draft: string;
  views: Record<string, string>;
  olderMessages: (n: number) => string;
  unread: string;
}

const ENGLISH: UiText = {
  me: 'me',
  to: 'To: ',
  toRecipients: 'to',
  draft: 'Draft',
  views: {
    inbox: 'Inbox',
    sent: 'Sent',
    all: 'All Mail',
    search: 'Search results',
    label: 'Label',
    category: 'Category',
  },
  olderMessages: (n) => `${n} older messages`,
  unread: 'unread',
};

export const UI_TEXT: Record<UiLanguage, UiText> = {
  en: ENGLISH,
  // British English Gmail uses the same words; only its dates differ.
  'en-GB': ENGLISH,
  uk: {
    me: 'я',
    to: 'Кому: ',
    toRecipients: 'кому',
    draft: 'Чернетка',
    views: {
      inbox: 'Вхідні',
      sent: 'Надіслані',
      all: 'Уся пошта',
      search: 'Результати пошуку',
      label: 'Мітка',
      category: 'Категорія',
    },
    olderMessages: (n) => `Старіші повідомлення: ${n}`,
    unread: 'непрочитане',
  },
  ru: {
    me: 'я',
    to: 'Кому: ',
    toRecipients: 'кому',
    draft: 'Черновик',
    views: {
      inbox: 'Входящие',
      sent: 'Отправленные',
      all: 'Вся почта',
      search: 'Результаты поиска',
      label: 'Ярлык',
      category: 'Категория',
    },
    olderMessages: (n) => `Более старые сообщения: ${n}`,
    unread: 'непрочитанное',
  },
};

const LOCALES: Record<UiLanguage, Locale> = { en: enUS, 'en-GB': enGB, uk, ru };

// Gmail's own patterns (DOM notes §1.6): "Thu, Dec 18, 2014, 12:35 PM" in US
// English, "20 Aug 2025, 13:19" in British English, "26 дек. 2019 г., 22:53".
const PATTERNS: Record<UiLanguage, { title: string; time: string; dayMonth: string; numeric: string }> = {
  en: { title: 'EEE, MMM d, yyyy, h:mm a', time: 'h:mm a', dayMonth: 'MMM d', numeric: 'M/d/yy' },
  'en-GB': { title: 'd MMM yyyy, HH:mm', time: 'HH:mm', dayMonth: 'd MMM', numeric: 'dd/MM/yyyy' },
  uk: { title: "d MMM yyyy 'р.', HH:mm", time: 'HH:mm', dayMonth: 'd MMM', numeric: 'dd.MM.yy' },
  ru: { title: "d MMM yyyy 'г.', HH:mm", time: 'HH:mm', dayMonth: 'd MMM', numeric: 'dd.MM.yyyy' },
};

export interface DateFormats {
  /** The full timestamp Gmail puts in `title`, in the page's time zone and with no offset. */
  title(at: number): string;
  /** The short text of a list row: the time today, the day this year, the date before. */
  short(at: number, now: number): string;
}

export function dateFormats(language: UiLanguage, timeZone: string): DateFormats {
  const patterns = PATTERNS[language];
  const options = { locale: LOCALES[language], in: tz(timeZone) };
  const day = (at: number) => format(at, 'yyyy-MM-dd', options);
  return {
    title: (at) => format(at, patterns.title, options),
    short(at, now) {
      const then = day(at);
      const today = day(now);
      if (then === today) return format(at, patterns.time, options);
      if (then.slice(0, 4) === today.slice(0, 4)) return format(at, patterns.dayMonth, options);
      return format(at, patterns.numeric, options);
    },
  };
}
