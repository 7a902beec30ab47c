// The side panel's writes, each a validated message to the background.

import type { ToBackground } from '@/lib/messaging/schemas';
import { sendToBackground } from '@/lib/messaging/send';

export type OverridePatch = Extract<ToBackground, { type: 'ui/set-client-override' }>['override'];
export type FollowUpDecision = { status: 'done' | 'dismissed' } | { status: 'snoozed'; snoozedUntil: number };

export interface ClientActions {
  decideFollowUp(key: string, decision: FollowUpDecision): Promise<void>;
  correct(patch: OverridePatch): Promise<void>;
  splitAddress(address: string, split: boolean): Promise<void>;
  /** Forgets what the CRM taught about the client and stops watching it. */
  forgetCrm(): Promise<void>;
}

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
