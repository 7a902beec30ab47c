import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/messaging/send';
import type { UserSettings } from '@/lib/settings/user-settings';
import { useDatabase } from '@/lib/ui/database';
import { useLiveQuery } from './use-live-query';

export type SettingsState =
  | { kind: 'loading' }
  | { kind: 'ready'; settings: UserSettings }
  | { kind: 'failed'; error: string };

/**
 * The user's settings as the background reads them, fetched again whenever the
 * stored record changes (a save, an import, a deletion, another open page).
 */
export function useUserSettings(): { state: SettingsState; save(settings: UserSettings): Promise<void> } {
  const db = useDatabase();
  const stamp = useLiveQuery(async () => (await db.settings.get('user'))?.updatedAt ?? 0, [db]);
  const [state, setState] = useState<SettingsState>({ kind: 'loading' });
  const version = stamp.kind === 'ready' ? stamp.value : undefined;
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    sendToBackground({ type: 'ui/get-settings' })
      .then(({ settings }) => live && setState({ kind: 'ready', settings }))
      .catch((error: unknown) => live && setState({ kind: 'failed', error: String(error) }));
    return () => {
      live = false;
    };
  }, [version]);
  // Shown at once (a language switch must not wait for the background), taken back if the background refuses.
  const save = useCallback(
    async (settings: UserSettings) => {
      const previous = state;
      setState({ kind: 'ready', settings });
      try {
        await sendToBackground({ type: 'ui/set-settings', settings });
      } catch (error) {
        setState(previous);
        throw error;
      }
    },
    [state],
  );
  return { state, save };
}
