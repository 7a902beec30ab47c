// The side panel's writes, each a validated message to the background.

import { sendToBackground } from '@/lib/messaging/send';
import type { ClientActions } from './client-action-types';

/** Watches a domain or address a CRM record named before any mail with it. */
export async function watchClient(account: string, clientKey: string): Promise<void> {
  await sendToBackground({ type: 'ui/watch-client', account, clientKey });
}

export function clientActions(account: string, clientKey: string): ClientActions {
  return {
    async decideFollowUp(key, decision) {
      await sendToBackground({ type: 'ui/set-follow-up', account, clientKey, key, ...decision });
    },
    async correct(override) {
      await sendToBackground({ type: 'ui/set-client-override', account, clientKey, override });
    },
    async splitAddress(address, split) {
      await sendToBackground({ type: 'ui/split-address', account, address, split });
    },
    async forgetCrm() {
      await sendToBackground({ type: 'ui/forget-crm-learning', account, clientKey });
    },
  };
}

/** The user's "this is a client": a correction the background accepts from Keepwarm's own pages only. */
export async function includeClient(account: string, clientKey: string): Promise<void> {
  await sendToBackground({ type: 'ui/set-client-override', account, clientKey, override: { include: true } });
}
