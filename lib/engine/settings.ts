// The user's working schedule, which turns wall-clock reply times into
// business-hour reply times. The engine checks what it is given with plain
// code rather than zod: the command line's report runs the engine and nothing
// else, and loading zod cost it more than some small mailboxes take to read.
// The user's stored record is validated with zod where it enters
// (lib/settings/user-settings.ts), to the same rules.

export interface EngineSettings {
  /** IANA time zone of the user's working day, e.g. "Europe/Kyiv". */
  timeZone: string;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** Start and end of the working day in local hours (fractions allowed: 8.5 = 08:30). */
  startHour: number;
  endHour: number;
  /** The reply time, in business time, the user wants to keep: waiting past it counts even when they are usually slower. */
  replyTargetBusinessMs?: number;
  /** The chance of going quiet, in percent, at which a check-in is suggested (follow-ups.ts; 50 when absent). */
  checkInPercent?: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  startHour: 9,
  endHour: 17,
};

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const UNKNOWN_TIME_ZONE = 'unknown time zone (expected an IANA name like "Europe/Kyiv")';
export const NO_WORKING_DAY = 'at least one working day is needed';
export const START_AFTER_END = 'startHour must be before endHour';

export class SettingsError extends Error {}

// A number as zod's z.number() takes it: NaN and the infinities are refused.
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isWeekday = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;
const isHour = (value: unknown): value is number => isNumber(value) && value >= 0 && value <= 24;

/** Each bad field of a whole settings record, as "path: problem". */
function settingsProblems(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { timeZone, workingDays, startHour, endHour, replyTargetBusinessMs, checkInPercent } = input;
  if (typeof timeZone !== 'string') problems.push('timeZone: expected a string');
  else if (!isTimeZone(timeZone)) problems.push(`timeZone: ${UNKNOWN_TIME_ZONE}`);
  if (!Array.isArray(workingDays)) problems.push('workingDays: expected an array');
  else {
    workingDays.forEach((day, i) => {
      if (!isWeekday(day)) problems.push(`workingDays.${i}: expected a whole number from 0 (Sunday) to 6 (Saturday)`);
    });
    if (workingDays.length === 0) problems.push(`workingDays: ${NO_WORKING_DAY}`);
  }
  if (!isHour(startHour)) problems.push('startHour: expected a number from 0 to 24');
  if (!isHour(endHour)) problems.push('endHour: expected a number from 0 to 24');
  if (isHour(startHour) && isHour(endHour) && startHour >= endHour) problems.push(`endHour: ${START_AFTER_END}`);
  if (replyTargetBusinessMs !== undefined && !(isNumber(replyTargetBusinessMs) && replyTargetBusinessMs > 0)) {
    problems.push('replyTargetBusinessMs: expected a number above 0');
  }
  if (checkInPercent !== undefined && !(isNumber(checkInPercent) && checkInPercent >= 1 && checkInPercent <= 99)) {
    problems.push('checkInPercent: expected a number from 1 to 99');
  }
  return problems;
}

/** Fills missing fields from the defaults and throws a SettingsError naming every bad field. */
export function parseEngineSettings(input: Partial<EngineSettings> | undefined): EngineSettings {
  // The defaults are valid as they stand.
  if (input === undefined) return { ...DEFAULT_SETTINGS, workingDays: [...DEFAULT_SETTINGS.workingDays] };
  const whole: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...input };
  const problems = settingsProblems(whole);
  if (problems.length > 0) throw new SettingsError(`invalid settings: ${problems.join('; ')}`);
  const settings = whole as unknown as EngineSettings;
  // Only the fields the engine knows, as zod's object did; each day once, in order.
  return {
    timeZone: settings.timeZone,
    workingDays: [...new Set(settings.workingDays)].sort((a, b) => a - b),
    startHour: settings.startHour,
    endHour: settings.endHour,
    ...('replyTargetBusinessMs' in whole && { replyTargetBusinessMs: settings.replyTargetBusinessMs }),
    ...('checkInPercent' in whole && { checkInPercent: settings.checkInPercent }),
  };
}
