import { z } from 'zod';
import { userSettingsSchema } from '@/lib/settings/user-settings';

const uiGetSettingsSchema = z.strictObject({ type: z.literal('ui/get-settings') });

const uiSetSettingsSchema = z.strictObject({
  type: z.literal('ui/set-settings'),
  /** The whole record, validated here like every message: an invalid one is refused, nothing stored. */
  settings: userSettingsSchema,
});

export const settingsMessages = [uiGetSettingsSchema, uiSetSettingsSchema] as const;

export const settingsReplies = {
  'ui/get-settings': z.object({ settings: userSettingsSchema }),
  'ui/set-settings': z.object({ saved: z.literal(true) }),
};
