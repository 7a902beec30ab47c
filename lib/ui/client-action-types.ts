// What the side panel's components may ask for: the pages give them these actions as props.

import type { ToBackground } from '@/lib/messaging/schemas';

export type OverridePatch = Extract<ToBackground, { type: 'ui/set-client-override' }>['override'];
export type FollowUpDecision = { status: 'done' | 'dismissed' } | { status: 'snoozed'; snoozedUntil: number };

export interface ClientActions {
  decideFollowUp(key: string, decision: FollowUpDecision): Promise<void>;
  correct(patch: OverridePatch): Promise<void>;
  splitAddress(address: string, split: boolean): Promise<void>;
  /** Forgets what the CRM taught about the client and stops watching it. */
  forgetCrm(): Promise<void>;
}
