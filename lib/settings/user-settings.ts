// Everything the user sets in the options page, as one validated record. The
// background is the only writer (message `ui/set-settings`); every page and the
// engine read it through `parseUserSettings`, so a stored record from an older
// version gets today's defaults for whatever it lacks.
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  isTimeZone,
  NO_WORKING_DAY,
  START_AFTER_END,
  UNKNOWN_TIME_ZONE,
} from '@/lib/engine/settings';
import { LANGUAGES } from '@/lib/i18n/locales';

/** The working day's fields, to the rules the engine checks its settings by (lib/engine/settings.ts). */
const workingDayFields = {
  /** IANA time zone of the working day. */
  timeZone: z.string().refine(isTimeZone, { message: UNKNOWN_TIME_ZONE }),
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: z
    .array(z.number().int().min(0).max(6))
    .min(1, { message: NO_WORKING_DAY })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  /** Local hours, fractions allowed (8.5 = 08:30). */
  startHour: z.number().min(0).max(24),
  endHour: z.number().min(0).max(24),
};

const emailSchema = z.email().max(320).toLowerCase();
/** A bare domain as typed by a person: "acme.com", never "@acme.com" or a URL. */
const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)[\p{L}\p{N}-]{1,63}(?<!-)(?:\.(?!-)[\p{L}\p{N}-]{1,63}(?<!-))+$/u, {
    message: 'expected a domain like "acme.com"',
  });

/** The working day must start before it ends (checked on the whole record, reported on endHour). */
export const businessHoursSchema = z
  .strictObject(workingDayFields)
  .refine((hours) => hours.startHour < hours.endHour, { message: START_AFTER_END, path: ['endHour'] });

/** Who the user is in one Gmail account, beyond its signed-in address. */
export const accountSettingsSchema = z.strictObject({
  /** Other addresses that are the user too (send-as aliases, an old address). */
  aliases: z.array(emailSchema).max(50).default([]),
  /** Domains of colleagues: their mail is internal, never a client's. */
  internalDomains: z.array(domainSchema).max(50).default([]),
});

/** How long stored mail is kept; 0 keeps it for ever. */
export const retentionSchema = z.strictObject({
  /** Messages and threads older than this many months lose their snippet (the preview text). */
  snippetMonths: z.number().int().min(0).max(120).default(0),
  /**
   * Messages older than this many months are deleted. Never under six: the
   * engine's usual gaps and reply times look back half a year.
   */
  forgetMonths: z
    .number()
    .int()
    .min(0)
    .max(240)
    .refine((months) => months === 0 || months >= 6, { message: 'expected 0 or at least 6 months' })
    .default(0),
});
export type Retention = z.output<typeof retentionSchema>;

export const userSettingsSchema = z.strictObject({
  language: z.enum(['auto', ...LANGUAGES]).default('auto'),
  businessHours: businessHoursSchema.default({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }),
  /** The reply time, in business hours, the user wants to keep for every client. */
  replyTargetHours: z
    .number()
    .positive()
    .max(24 * 14)
    .default(8),
  /** The chance of going quiet, in percent, at which a client gets a check-in follow-up; 50 is where the level turns "high". */
  checkInPercent: z.number().int().min(5).max(95).default(50),
  /** Per signed-in Gmail address. */
  accounts: z.record(emailSchema, accountSettingsSchema).default({}),
  /** Senders and domains that are never clients (a supplier, a personal contact). */
  ignoredSenders: z.array(emailSchema).max(5000).default([]),
  ignoredDomains: z.array(domainSchema).max(5000).default([]),
  /** A deal amount read in the user's CRM becomes the client's value (one typed by hand always wins). Off unless asked for. */
  crmDealValue: z.boolean().default(false),
  notifications: z
    .strictObject({
      /** A daily summary of who waits and who is at risk, through the browser's notifications. Off unless asked for. */
      dailyDigest: z.boolean().default(false),
      /** Local hour of the day the digest is shown. */
      digestHour: z.number().int().min(0).max(23).default(9),
    })
    .default({ dailyDigest: false, digestHour: 9 }),
  retention: retentionSchema.default({ snippetMonths: 0, forgetMonths: 0 }),
});

export type UserSettings = z.output<typeof userSettingsSchema>;
export type UserSettingsInput = z.input<typeof userSettingsSchema>;

/** The defaults, with the working day in the browser's own time zone. */
export function defaultUserSettings(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): UserSettings {
  return userSettingsSchema.parse({
    businessHours: { ...DEFAULT_SETTINGS, timeZone: isTimeZone(timeZone) ? timeZone : 'UTC' },
  });
}

export class UserSettingsError extends Error {}

/** Validates a whole settings record; throws a UserSettingsError naming every bad field. */
export function parseUserSettings(input: unknown): UserSettings {
  const result = userSettingsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new UserSettingsError(`invalid settings: ${problems.join('; ')}`);
  }
  return result.data;
}
