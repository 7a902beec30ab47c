// Calendar months in the user's time zone, the dashboard's unit of time.
import { TZDate } from '@date-fns/tz';
import { addMonths, startOfMonth } from 'date-fns';

export interface CalendarMonth {
  /** "2026-11": the month in the user's time zone. */
  key: string;
  start: number;
  /** The next month's start. */
  end: number;
}

const monthKey = (date: TZDate) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/** The `count` months up to and including the one `now` falls in, oldest first. */
export function lastMonths(now: number, count: number, timeZone: string): CalendarMonth[] {
  const current = startOfMonth(new TZDate(now, timeZone));
  return Array.from({ length: count }, (_, i) => {
    const start = addMonths(current, i - count + 1);
    return { key: monthKey(start), start: start.getTime(), end: addMonths(start, 1).getTime() };
  });
}
