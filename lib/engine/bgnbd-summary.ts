// Building the BG/NBD sufficient statistics (x, t_x, T) from contact days.
import type { BgNbdCustomer } from './bgnbd';

/**
 * Time unit of a summary. The model is scale-free except for α, which is in
 * the chosen unit; weeks match the paper (and keep α in a range the optimiser
 * starts near), days suit short histories.
 */
export type BgNbdUnit = 'days' | 'weeks';

const DAYS_PER_UNIT: Record<BgNbdUnit, number> = { days: 1, weeks: 7 };

/**
 * A client's (x, t_x, T) from the calendar days it was in contact.
 * `contactDays` are whole day numbers (any order, repeats allowed — several
 * messages on one day are one transaction, as in the paper's CDNOW summary);
 * `today` is the day number of the end of observation. The first day is the
 * client's "birth" and is not a repeat; days after `today` (clock skew) are
 * ignored. Returns undefined when no contact day is on or before `today`.
 */
export function summarizeContactDays(
  contactDays: readonly number[],
  today: number,
  unit: BgNbdUnit = 'weeks',
): BgNbdCustomer | undefined {
  // A draft's days are read where they are, up to today, rather than copied: the fit and every report summarise them.
  const days = isStrictlyAscending(contactDays)
    ? contactDays
    : [...new Set(contactDays.filter((d) => Number.isFinite(d) && d <= today))].sort((p, q) => p - q);
  const count = countUpTo(days, today);
  const first = days[0];
  const last = days[count - 1];
  if (count === 0 || first === undefined || last === undefined) return undefined;
  const perUnit = DAYS_PER_UNIT[unit];
  return { x: count - 1, tx: (last - first) / perUnit, T: (today - first) / perUnit };
}

/** A client's drafted contact days already are (finite, distinct, ascending): they need no set and no sort. */
function isStrictlyAscending(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value) || (i > 0 && !(value > (values[i - 1] as number)))) return false;
  }
  return true;
}

/** How many of the ascending values are at most `limit`. */
function countUpTo(ascending: readonly number[], limit: number): number {
  let count = 0;
  while (count < ascending.length && (ascending[count] as number) <= limit) count++;
  return count;
}
