import {
  defaultUserSettings,
  parseUserSettings,
  type UserSettings,
  type UserSettingsInput,
} from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';

/**
 * The user's settings, with today's defaults for whatever an older record
 * lacks. A stored record that no longer validates is never half-used: the
 * defaults stand in and the record stays untouched until the user saves again.
 */
export async function readUserSettings(db: KeepwarmDb): Promise<UserSettings> {
  const row = await db.settings.get('user');
  if (!row) return defaultUserSettings();
  try {
    return parseUserSettings({ ...defaultUserSettings(), ...row.settings });
  } catch (error) {
    console.warn('Keepwarm: stored settings no longer valid; using defaults', error);
    return defaultUserSettings();
  }
}

/** Validates and stores a whole settings record; throws UserSettingsError, storing nothing, when it is invalid. */
export async function saveUserSettings(db: KeepwarmDb, input: UserSettingsInput, now: number): Promise<UserSettings> {
  const settings = parseUserSettings(input);
  await db.settings.put({ id: 'user', settings, updatedAt: now });
  return settings;
}
