// What the side panel shows: the client of the Gmail conversation or the CRM
// record in the active tab, the client whose badge was clicked, or (elsewhere)
// the overview.
import type { CrmTabClient, OpenConversation, SidePanelClient } from '@/lib/messaging/session-keys';
import { parseHexId } from '@/lib/sites/gmail/gmail-ids';
import { readGmailView } from '@/lib/sites/gmail/view';
import type { KeepwarmDb } from '@/lib/store/db';

export type PanelTarget =
  | { kind: 'client'; account: string; clientKey: string }
  | { kind: 'thread'; account?: string; accountPath?: string; threadId: string }
  | { kind: 'reading' }
  /** A CRM record naming one domain or address that is no client yet. */
  | { kind: 'candidate'; candidate: string }
  | { kind: 'overview' };

function accountPathOfUrl(url: URL): string | undefined {
  return /^\/mail\/((?:b\/[^/]+\/)?u\/\d+)\//.exec(url.pathname)?.[1];
}

/**
 * From the active tab's URL and what its content script reported. A Gmail tab
 * showing a conversation not reported yet is `reading`: the panel waits for
 * it rather than guess. A hex id in the URL (a link Keepwarm opened) is read directly.
 * A CRM record counts only while the tab still shows the address it was answered for.
 */
export function targetOfTab(
  tabUrl: string | undefined,
  reported: OpenConversation | undefined,
  crmRecord?: CrmTabClient,
): PanelTarget {
  if (!tabUrl) return { kind: 'overview' };
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return { kind: 'overview' };
  }
  if (url.hostname !== 'mail.google.com') {
    if (crmRecord && crmRecord.url === tabUrl) {
      if ('candidate' in crmRecord) return { kind: 'candidate', candidate: crmRecord.candidate };
      return { kind: 'client', account: crmRecord.account, clientKey: crmRecord.clientKey };
    }
    return { kind: 'overview' };
  }
  const token = readGmailView(url).conversationToken;
  if (!token) return { kind: 'overview' };
  if (reported && reported.url === tabUrl) {
    return { kind: 'thread', account: reported.account, threadId: reported.threadId };
  }
  const hex = parseHexId(token);
  if (hex) return { kind: 'thread', accountPath: accountPathOfUrl(url) ?? 'u/0', threadId: hex.decimal };
  return { kind: 'reading' };
}

export function isSidePanelClient(value: unknown): value is SidePanelClient {
  const v = value as Partial<SidePanelClient> | undefined;
  return typeof v?.account === 'string' && typeof v.clientKey === 'string';
}

/** The client of a thread: the threads table first, its messages when only those are known. */
export async function clientOfThread(
  db: KeepwarmDb,
  target: Extract<PanelTarget, { kind: 'thread' }>,
): Promise<SidePanelClient | undefined> {
  let account = target.account;
  if (!account) {
    const accounts = await db.accounts.toArray();
    account = accounts.find((a) => a.accountPath === target.accountPath)?.address;
  }
  if (!account) return undefined;
  const thread = await db.threads.get([account, target.threadId]);
  const refs =
    thread?.clientRefs ??
    (await db.messages.where('[account+threadId]').equals([account, target.threadId]).first())?.clientRefs ??
    [];
  for (const ref of refs) {
    const clientKey = ref.slice(account.length + 1);
    if (await db.clients.get([account, clientKey])) return { account, clientKey };
  }
  return undefined;
}
