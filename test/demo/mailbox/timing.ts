// Times in the demo follow office life: people write on weekdays in their own
// working hours, so gaps and reply delays look like real mail.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The UTC offset (hours) the demo's people live in, by the language they write. */
export const OFFSET_HOURS = { en: -5, uk: 2, ru: 3 } as const;

/** Moves `at` forward to the next working minute (Mon–Fri, 9:00–18:00) at the given UTC offset. */
export function nextWorkingTime(at: number, offsetHours: number): number {
  let local = at + offsetHours * HOUR;
  for (let guard = 0; guard < 14; guard++) {
    const day = new Date(local).getUTCDay();
    const hour = new Date(local).getUTCHours();
    const midnight = Math.floor(local / DAY) * DAY;
    if (day === 0 || day === 6) {
      local = midnight + DAY + 9 * HOUR;
      continue;
    }
    if (hour < 9) local = midnight + 9 * HOUR;
    else if (hour >= 18) {
      local = midnight + DAY + 9 * HOUR;
      continue;
    }
    return local - offsetHours * HOUR;
  }
  return local - offsetHours * HOUR;
}

export { DAY, HOUR };
