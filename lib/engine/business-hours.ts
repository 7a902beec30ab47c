// Calendar arithmetic in the user's time zone: local day numbers and the
// working time between two instants. Offsets come from @date-fns/tz, which
// asks Intl and is slow, so they are memoised: per UTC day when the offset at
// the day's start is the offset at the next day's start (no zone changes its
// offset twice within a day), else per UTC hour, because offsets only change
// on hour boundaries in practice. Analysing a mailbox asks for the same days
// many times, and a day spares the 24 questions of its hours. UTC, the
// default, asks nothing: its offset is always 0, and a process's first Intl
// date format alone costs tens of milliseconds, a tenth of a small report.
import { tzOffset } from '@date-fns/tz';
import type { EngineSettings } from './settings';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface BusinessClock {
  /** Whole local calendar day number (days since 1970-01-01 in the user's zone). */
  localDay(at: number): number;
  /** Milliseconds of working time in [start, end]; 0 when end ≤ start. */
  businessMillisBetween(start: number, end: number): number;
}

const ALWAYS_UTC = new Set(['UTC', 'Etc/UTC']);

export function createBusinessClock(settings: EngineSettings): BusinessClock {
  const utc = ALWAYS_UTC.has(settings.timeZone);
  const hourOffsets = new Map<number, number>();
  const hourOffset = (hour: number): number => {
    let minutes = hourOffsets.get(hour);
    if (minutes === undefined) {
      minutes = tzOffset(settings.timeZone, new Date(hour * HOUR));
      hourOffsets.set(hour, minutes);
    }
    return minutes;
  };
  // NaN: the offset changes during that UTC day, ask per hour.
  const dayOffsets = new Map<number, number>();
  // The day asked last, before the map: a client's messages and a reply's two ends mostly fall on one day.
  let lastDay = Number.NaN;
  let lastMinutes = Number.NaN;
  const offsetMs = (at: number): number => {
    if (utc) return 0;
    const day = Math.floor(at / DAY);
    let minutes = day === lastDay ? lastMinutes : dayOffsets.get(day);
    if (minutes === undefined) {
      const start = hourOffset(day * 24);
      minutes = start === hourOffset(day * 24 + 24) ? start : Number.NaN;
      dayOffsets.set(day, minutes);
    }
    lastDay = day;
    lastMinutes = minutes;
    return (Number.isNaN(minutes) ? hourOffset(Math.floor(at / HOUR)) : minutes) * 60_000;
  };
  const localDay = (at: number) => Math.floor((at + offsetMs(at)) / DAY);
  // Local wall time → UTC: guess with the offset at the wall time read as UTC,
  // then correct with the offset at the guess (right across DST changes).
  const toUtc = (localMs: number) => localMs - offsetMs(localMs - offsetMs(localMs));
  const working = new Set(settings.workingDays);
  const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

  const workingDayMs = (settings.endHour - settings.startHour) * HOUR;
  const fullWeekMs = working.size * workingDayMs;
  // Each working day's hours in UTC, found once: the replies of every client cross the same few hundred days.
  const hoursOf = new Map<number, { open: number; close: number }>();
  const dayOverlap = (day: number, start: number, end: number): number => {
    if (!working.has(weekday(day))) return 0;
    let hours = hoursOf.get(day);
    if (!hours) {
      hours = { open: toUtc(day * DAY + settings.startHour * HOUR), close: toUtc(day * DAY + settings.endHour * HOUR) };
      hoursOf.set(day, hours);
    }
    return Math.max(0, Math.min(hours.close, end) - Math.max(hours.open, start));
  };

  // Days strictly between the first and the last are whole working days, so
  // whole weeks among them are added at once: long waits cost a few steps,
  // not one per day. (This assumes no DST change inside working hours, which
  // holds for every zone that switches at night.)
  const businessMillisBetween = (start: number, end: number): number => {
    if (!(end > start)) return 0;
    const first = localDay(start);
    const last = localDay(end);
    let total = 0;
    let day = first;
    for (; day <= last && day < first + 7; day++) total += dayOverlap(day, start, end);
    const weeks = Math.max(0, Math.floor((last - day - 7) / 7));
    total += weeks * fullWeekMs;
    day += weeks * 7;
    for (; day <= last; day++) total += dayOverlap(day, start, end);
    return total;
  };
  return { localDay, businessMillisBetween };
}
