import type { CrmRecordReply } from '@/lib/messaging/schemas';
import { type CrmTabClient, crmTabKey } from '@/lib/messaging/session-keys';

// The side panel follows the active tab: on a CRM record it shows the record's
// client, or offers to watch the one domain or address of a record that is no
// client yet. Remembered per tab, and forgotten as soon as the tab shows a
// record it cannot tell, so the panel never keeps showing the previous one.

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
  const candidate = reply.match === 'unknown' && reply.candidates.length === 1 ? reply.candidates[0] : undefined;
  let record: CrmTabClient | undefined;
  if (tab.url && reply.match === 'matched' && reply.client) {
    record = { url: tab.url, account: reply.client.account, clientKey: reply.client.key };
  } else if (tab.url && candidate) record = { url: tab.url, candidate };
  if (record) await session.set({ [key]: record });
  else await session.remove(key);
}
