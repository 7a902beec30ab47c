// Plain-English rendering of durations for reason sentences. The UI
// translates from the structured numbers; these strings are the fallback.
import { DAY, HOUR } from './business-hours';

const MINUTE = 60_000;

/** "2 d 4 h", "5 h", "1 h 30 min", "25 min". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / MINUTE)) * MINUTE;
  if (total >= DAY) {
    const days = Math.floor(total / DAY);
    const hours = Math.round((total - days * DAY) / HOUR);
    if (hours === 24) return `${days + 1} d`;
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (total >= HOUR) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.round((total - hours * HOUR) / MINUTE);
    return hours < 3 && minutes > 0 ? `${hours} h ${minutes} min` : `${Math.round(total / HOUR)} h`;
  }
  return `${Math.round(total / MINUTE)} min`;
}

/** "1 day", "12 days". */
export function formatDays(days: number): string {
  const rounded = Math.round(days);
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

export function formatPercent(p: number): string {
  return `${Math.round(p * 100)}%`;
}
