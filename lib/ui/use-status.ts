import { useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/messaging/send';
import type { StatusState } from './status-state';

/** The background's view of which Gmail accounts Keepwarm is watching. */
export function useStatus(): StatusState {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    sendToBackground({ type: 'ui/get-status' })
      .then((status) => live && setState({ kind: 'ready', status }))
      .catch((error: unknown) => live && setState({ kind: 'failed', error: String(error) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
