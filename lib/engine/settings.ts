// The user's working schedule, which turns wall-clock reply times into
// business-hour reply times. Validated here because it comes from user input.
import { z } from 'zod';

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

/** The working day's fields, shared with the user's settings record so both validate them alike. */
export const workingDayFields = {
  /** IANA time zone of the working day. */
  timeZone: z.string().refine(isTimeZone, { message: 'unknown time zone (expected an IANA name like "Europe/Kyiv")' }),
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: z
    .array(z.number().int().min(0).max(6))
    .min(1, { message: 'at least one working day is needed' })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  /** Local hours, fractions allowed (8.5 = 08:30). */
  startHour: z.number().min(0).max(24),
  endHour: z.number().min(0).max(24),
};

/** The working day must start before it ends (checked on the whole record, reported on endHour). */
export function startsBeforeEnd<T extends z.ZodType<{ startHour: number; endHour: number }>>(schema: T) {
  return schema.refine((hours) => hours.startHour < hours.endHour, {
    message: 'startHour must be before endHour',
    path: ['endHour'],
  });
}

const settingsSchema = startsBeforeEnd(
  z.object({
    ...workingDayFields,
    replyTargetBusinessMs: z.number().positive().optional(),
    checkInPercent: z.number().min(1).max(99).optional(),
  }),
);

export class SettingsError extends Error {}

/** Fills missing fields from the defaults and throws a SettingsError naming every bad field. */
export function parseEngineSettings(input: Partial<EngineSettings> | undefined): EngineSettings {
  // The defaults are valid as they stand: validating them costs a report that
  // has no settings (the command line's) the schema's first, slowest run.
  if (input === undefined) return { ...DEFAULT_SETTINGS, workingDays: [...DEFAULT_SETTINGS.workingDays] };
  const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...input });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new SettingsError(`invalid settings: ${problems.join('; ')}`);
  }
  return result.data;
}
