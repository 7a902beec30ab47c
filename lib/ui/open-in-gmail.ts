// Opens a thread in Gmail, in a tab of the right account when one is open.
// Gmail opens a conversation from its legacy hex id in the hash; our ids are
// the decimal `thread-f` form. Reading tab URLs of mail.google.com needs only
// the host permission the extension already has, not the `tabs` permission.
import { browser } from 'wxt/browser';
import { parseDecimalId } from '@/lib/sites/gmail/gmail-ids';
import type { KeepwarmDb } from '@/lib/store/db';

const GMAIL = 'https://mail.google.com/mail/';

/** `accountPath` as Gmail writes it (`u/0`, `b/<id>/u/0`); a missing one means the default account. */
export function gmailThreadUrl(accountPath: string | undefined, threadId: string | undefined): string {
  const base = `${GMAIL}${accountPath ?? 'u/0'}/`;
  const hex = parseDecimalId(`thread-f:${threadId ?? ''}`)?.hex;
  return hex ? `${base}#inbox/${hex}` : `${base}#inbox`;
}

/**
 * A search of the user's own Gmail for the client's mail: from, to or copied
 * to its domain (a domain key) or its address (a person's key). The key comes
 * from a colleague's summary: only the characters of a domain or an address
 * stay, so it can add no search operator of its own.
 */
export function gmailSearchUrl(accountPath: string | undefined, clientKey: string): string {
  const key = clientKey.replace(/[^\p{L}\p{N}.@_+-]/gu, '');
  const query = key ? `from:${key} OR to:${key} OR cc:${key}` : '';
  return `${GMAIL}${accountPath ?? 'u/0'}/${query ? `#search/${encodeURIComponent(query)}` : '#inbox'}`;
}

export async function accountPathOf(db: KeepwarmDb, account: string): Promise<string | undefined> {
  return (await db.accounts.get(account))?.accountPath;
}

/** Focuses a Gmail tab of the account and points it at the thread, or opens a new tab. */
export async function openInGmail(url: string): Promise<void> {
  const accountBase = url.slice(0, url.indexOf('/#') + 1);
  const [tab] = await browser.tabs.query({ url: `${accountBase}*` });
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { url, active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
