import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EngineSettings, parseEngineSettings, SettingsError } from '@/lib/engine/settings';
import { userSettingsSchema } from '@/lib/settings/user-settings';

// The engine checks its settings with plain code; these are the zod rules it
// kept before, and the user's stored record still keeps for its working day.
const reference = z
  .object({
    timeZone: z.string().refine((name) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
        return true;
      } catch {
        return false;
      }
    }),
    workingDays: z
      .array(z.number().int().min(0).max(6))
      .min(1)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    startHour: z.number().min(0).max(24),
    endHour: z.number().min(0).max(24),
    replyTargetBusinessMs: z.number().positive().optional(),
    checkInPercent: z.number().min(1).max(99).optional(),
  })
  .refine((hours) => hours.startHour < hours.endHour);

const strange = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, null, '9', true, [], {}),
  fc.string({ maxLength: 3 }),
);
const hour = fc.oneof(fc.integer({ min: -2, max: 26 }), fc.double({ min: -1, max: 25, noNaN: true }), strange);
const settingsLike = fc.record(
  {
    timeZone: fc.oneof(fc.constantFrom('UTC', 'Europe/Kyiv', 'America/New_York', 'Mars/Olympus', ''), strange),
    workingDays: fc.oneof(
      fc.array(fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double(), strange), { maxLength: 8 }),
      strange,
    ),
    startHour: hour,
    endHour: hour,
    replyTargetBusinessMs: fc.oneof(fc.constant(undefined), fc.double({ min: -10, max: 1e9 }), strange),
    checkInPercent: fc.oneof(fc.constant(undefined), fc.double({ min: -5, max: 105 }), strange),
    colour: fc.constant('red'),
  },
  { requiredKeys: [] },
);

describe('engine settings check', () => {
  it('accepts and refuses what the zod rules did, and returns the same settings', () => {
    fc.assert(
      fc.property(settingsLike, (input) => {
        const expected = reference.safeParse({ ...parseEngineSettings(undefined), ...input });
        const run = () => parseEngineSettings(input as Partial<EngineSettings>);
        if (expected.success) expect(run()).toStrictEqual(expected.data);
        else expect(run).toThrow(SettingsError);
      }),
      { numRuns: 300 },
    );
  });

  it('names every bad field', () => {
    expect(() =>
      parseEngineSettings({ timeZone: 'Mars/Olympus', workingDays: [1, 9], startHour: 30, checkInPercent: 0 }),
    ).toThrow(/timeZone: unknown time zone.*workingDays\.1: .*startHour: .*checkInPercent: /);
  });

  it('keeps the same rules as the working day of the stored settings', () => {
    const businessHours = { timeZone: 'UTC', workingDays: [5, 1, 1], startHour: 17, endHour: 9 };
    expect(userSettingsSchema.safeParse({ businessHours }).success).toBe(false);
    expect(() => parseEngineSettings(businessHours)).toThrow(/endHour: startHour must be before endHour/);
    const fixed = { ...businessHours, startHour: 9, endHour: 17 };
    expect(userSettingsSchema.parse({ businessHours: fixed }).businessHours).toEqual(parseEngineSettings(fixed));
  });
});
