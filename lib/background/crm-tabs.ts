import type { CrmRecordReply } from '@/lib/messaging/schemas';
import { type CrmTabClient, crmTabKey } from '@/lib/messaging/session-keys';

// The side panel follows the active tab: on a CRM record it shows the record's
// client. Remembered per tab, and forgotten as soon as the tab shows a record
// that is no known client, so the panel never keeps showing the previous one.

export interface SessionArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export async function rememberCrmRecord(
  session: SessionArea,
  tab: { id?: number; url?: string } | undefined,
  reply: CrmRecordReply,
): Promise<void> {
  if (tab?.id === undefined) return;
  const key = crmTabKey(tab.id);
  if (reply.match !== 'matched' || !reply.client || !tab.url) {
    await session.remove(key);
    return;
  }
  const record: CrmTabClient = { url: tab.url, account: reply.client.account, clientKey: reply.client.key };
  await session.set({ [key]: record });
}
