// Gmail's own words in the UI languages the demo renders. Date titles use the
// platform's CLDR formats for the locale, as Gmail's do (DOM notes §1.6).

export type UiLanguage = 'en' | 'en-GB' | 'uk' | 'ru';

interface UiText {
  me: string;
  to: string;
  views: Record<string, string>;
  olderMessages: (n: number) => string;
  unread: string;
}

export const UI_TEXT: Record<UiLanguage, UiText> = {
  en: {
    me: 'me',
    to: 'To: ',
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
  },
  'en-GB': {
    me: 'me',
    to: 'To: ',
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
  },
  uk: {
    me: 'я',
    to: 'Кому: ',
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

const INTL_LOCALE: Record<UiLanguage, string> = { en: 'en-US', 'en-GB': 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };

export interface DateFormats {
  /** The full timestamp Gmail puts in `title`: "Thu, Dec 18, 2014, 12:35 PM", "чт, 18 груд. 2014 р., 12:35". */
  title(at: number): string;
  /** The short text of a list row: the time today, the day this year, the date before. */
  short(at: number, now: number): string;
}

export function dateFormats(language: UiLanguage, timeZone: string): DateFormats {
  const locale = INTL_LOCALE[language];
  const full = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' });
  const numeric = new Intl.DateTimeFormat(locale, { timeZone, year: '2-digit', month: 'numeric', day: 'numeric' });
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    title: (at) => full.format(at),
    short(at, now) {
      const day = dayKey.format(at);
      const today = dayKey.format(now);
      if (day === today) return time.format(at);
      if (day.slice(0, 4) === today.slice(0, 4)) return dayMonth.format(at);
      return numeric.format(at);
    },
  };
}
