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
}

export const DEFAULT_SETTINGS: EngineSettings = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  startHour: 9,
  endHour: 17,
};

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const settingsSchema = z
  .object({
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'unknown time zone (expected an IANA name like "Europe/Kyiv")' }),
    workingDays: z
      .array(z.number().int().min(0).max(6))
      .min(1, { message: 'at least one working day is needed' })
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    startHour: z.number().min(0).max(24),
    endHour: z.number().min(0).max(24),
    replyTargetBusinessMs: z.number().positive().optional(),
  })
  .refine((s) => s.startHour < s.endHour, { message: 'startHour must be before endHour', path: ['endHour'] });

export class SettingsError extends Error {}

/** Fills missing fields from the defaults and throws a SettingsError naming every bad field. */
export function parseEngineSettings(input: Partial<EngineSettings> | undefined): EngineSettings {
  const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...input });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new SettingsError(`invalid settings: ${problems.join('; ')}`);
  }
  return result.data;
}
