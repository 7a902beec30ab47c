export interface GmailAccountRef {
  /** `u/0`, or `b/<delegate>/u/0` for a delegated mailbox. */
  accountPath: string;
  /** The signed-in address, when the page states it. */
  address?: string;
}

const ACCOUNT_PATH = /^\/mail\/((?:b\/[^/]+\/)?u\/\d+)(?:\/|$)/;
// The tab title reads "<view> - <address> - Gmail"; the address sits between
// " - " separators whatever the UI language (DOM-NOTES §1.3).
const ADDRESS_IN_TITLE = / - ([^\s@]+@[^\s@]+\.[^\s@]+) - /;

/**
 * Which Gmail account a page belongs to. With a single signed-in account Gmail
 * may omit `/u/N`, which is account 0.
 */
export function readGmailAccount(url: URL, documentTitle: string): GmailAccountRef | undefined {
  if (url.hostname !== 'mail.google.com' || !url.pathname.startsWith('/mail')) return undefined;
  const match = ACCOUNT_PATH.exec(url.pathname);
  const accountPath = match?.[1] ?? 'u/0';
  const address = ADDRESS_IN_TITLE.exec(documentTitle)?.[1]?.toLowerCase();
  return address ? { accountPath, address } : { accountPath };
}
