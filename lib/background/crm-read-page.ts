import { READ_PAGE_MESSAGE, type ReadPageReply } from '@/lib/messaging/read-page';
import { CRM_SCRIPT_FILE } from './crm-sites';

// The toolbar button on a page of no switched-on CRM: with the activeTab grant
// the user's click gave, put the CRM script into that one tab and have it read
// the page. A tab that already runs it (a switched-on CRM) is only asked.

export interface ReadPageApi {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

function isReply(raw: unknown): raw is ReadPageReply {
  return typeof raw === 'object' && raw !== null && typeof (raw as ReadPageReply).read === 'boolean';
}

export async function readPageInTab(api: ReadPageApi, tabId: number): Promise<ReadPageReply> {
  const ask = async () => {
    const reply = await api.tabs.sendMessage(tabId, { type: READ_PAGE_MESSAGE });
    return isReply(reply) ? reply : { read: false };
  };
  try {
    return await ask();
  } catch {
    // No Keepwarm script listens in that tab yet.
  }
  await api.scripting.executeScript({ target: { tabId }, files: [CRM_SCRIPT_FILE] });
  return ask();
}
