// Calendar arithmetic in the user's time zone: local day numbers and the
// working time between two instants. Offsets come from @date-fns/tz and are
// memoised per UTC hour, because offsets only change on hour boundaries in
// practice and analysing a mailbox asks for the same hours many times.
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

export function createBusinessClock(settings: EngineSettings): BusinessClock {
  const offsets = new Map<number, number>();
  const offsetMs = (at: number): number => {
    const hour = Math.floor(at / HOUR);
    let minutes = offsets.get(hour);
    if (minutes === undefined) {
      minutes = tzOffset(settings.timeZone, new Date(hour * HOUR));
      offsets.set(hour, minutes);
    }
    return minutes * 60_000;
  };
  const localDay = (at: number) => Math.floor((at + offsetMs(at)) / DAY);
  // Local wall time → UTC: guess with the offset at the wall time read as UTC,
  // then correct with the offset at the guess (right across DST changes).
  const toUtc = (localMs: number) => localMs - offsetMs(localMs - offsetMs(localMs));
  const working = new Set(settings.workingDays);
  const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

  const businessMillisBetween = (start: number, end: number): number => {
    if (!(end > start)) return 0;
    let total = 0;
    const last = localDay(end);
    for (let day = localDay(start); day <= last; day++) {
      if (!working.has(weekday(day))) continue;
      const open = toUtc(day * DAY + settings.startHour * HOUR);
      const close = toUtc(day * DAY + settings.endHour * HOUR);
      const overlap = Math.min(close, end) - Math.max(open, start);
      if (overlap > 0) total += overlap;
    }
    return total;
  };
  return { localDay, businessMillisBetween };
}
