import type { CrmRecordReply } from '@/lib/features/crm/messages';
import { CRM_TAB_PREFIX, type CrmTabClient, crmTabKey } from '@/lib/messaging/session-keys';

// The side panel follows the active tab: on a CRM record it shows the record's
// client, or offers to watch the one domain or address of a record that is no
// client yet. Remembered per tab, and forgotten as soon as the tab shows a
// record it cannot tell, so the panel never keeps showing the previous one.

export interface SessionArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * After the user watched or forgot a client: forgets the answers of the tabs
 * showing a record of it, and returns those tabs, to be told to ask again.
 */
export async function tabsShowing(session: SessionArea, clientKey: string): Promise<number[]> {
  const items = await session.get(null);
  const keys = Object.entries(items)
    .filter(([key, value]) => {
      if (!key.startsWith(CRM_TAB_PREFIX)) return false;
      const record = value as Partial<{ candidate: string; clientKey: string }> | undefined;
      return record?.candidate === clientKey || record?.clientKey === clientKey;
    })
    .map(([key]) => key);
  if (keys.length > 0) await session.remove(keys);
  return keys.map((key) => Number(key.slice(CRM_TAB_PREFIX.length)));
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
