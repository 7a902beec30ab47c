import { useEffect, useState } from 'react';
import type { ReplyTo } from '@/lib/messaging/schemas';
import { sendToBackground } from '@/lib/messaging/send';

export type Status = ReplyTo<'ui/get-status'>;

export type StatusState = { kind: 'loading' } | { kind: 'ready'; status: Status } | { kind: 'failed'; error: string };

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
