// How the dashboard writes its numbers, in the page's language: counts and
// values with the locale's digits, months in the user's time zone.
import type { Translator } from '@/lib/i18n/translate';

export interface DashboardFormat {
  /** "November 2026" */
  month(start: number): string;
  /** "Nov 26", under a chart's tick. */
  monthShort(start: number): string;
  count(n: number): string;
  value(n: number): string;
  /** A chance in percent: "38%". */
  chance(percent: number): string;
  hours(n: number): string;
  duration(ms: number | undefined): string;
}

export function dashboardFormat(translator: Translator, timeZone: string): DashboardFormat {
  const { language } = translator;
  const long = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone });
  const short = new Intl.DateTimeFormat(language, { month: 'short', year: '2-digit', timeZone });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const tenth = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return {
    month: (start) => long.format(start),
    monthShort: (start) => short.format(start),
    count: (n) => whole.format(n),
    value: (n) => whole.format(n),
    chance: (p) => percent.format(p / 100),
    hours: (n) => tenth.format(n),
    duration: (ms) => (ms === undefined ? '—' : translator.duration(ms)),
  };
}
