import { isEmailAddress } from './email-address';

export interface GmailAccountRef {
  /** `u/0`, or `b/<delegate>/u/0` for a delegated mailbox. */
  accountPath: string;
  /** The signed-in address, when the page states it; never guessed from a display name. */
  address?: string;
}

const ACCOUNT_PATH = /^\/mail\/((?:b\/[^/]+\/)?u\/\d+)(?:\/|$)/;
const ADDRESS = /[^\s@()<>"',;:]+@[^\s@()<>"',;:]+\.[^\s@()<>"',;:]+/;
// The tab title reads "<view> - <address> - Gmail"; the address sits between
// " - " separators whatever the UI language (DOM notes §1.3).
const ADDRESS_IN_TITLE = / - ([^\s@]+@[^\s@]+\.[^\s@]+) - /;

function asAddress(found: string | undefined): string | undefined {
  const address = found?.toLowerCase();
  return address && isEmailAddress(address) ? address : undefined;
}

/**
 * Where the title does not name the address (Workspace accounts can show the
 * organisation instead), the header's account button does: its aria-label
 * reads "Google Account: <name> (<address>)", and the account menu links to
 * myaccount.google.* next to the address (InboxSDK's fallback, DOM notes §1.3).
 */
function addressInHeader(root: ParentNode): string | undefined {
  for (const element of root.querySelectorAll('[role=banner] [aria-label*="@"]')) {
    const found = asAddress(ADDRESS.exec(element.getAttribute('aria-label') ?? '')?.[0]);
    if (found) return found;
  }
  const link = root.querySelector('[role=banner] a[href^="https://myaccount.google."]');
  // Name and address are sibling elements: read each on its own, their texts run together.
  for (const sibling of link?.parentElement?.children ?? []) {
    const text = sibling.textContent?.trim();
    const found = asAddress(ADDRESS.exec(text ?? '')?.[0]);
    if (found && found === text?.toLowerCase()) return found;
  }
  return undefined;
}

/**
 * Which Gmail account a page belongs to. With a single signed-in account Gmail
 * may omit `/u/N`, which is account 0. `page` is the document, or only its
 * title (then the header fallback is not available).
 */
export function readGmailAccount(url: URL, page: Document | string): GmailAccountRef | undefined {
  if (url.hostname !== 'mail.google.com' || !url.pathname.startsWith('/mail')) return undefined;
  const accountPath = ACCOUNT_PATH.exec(url.pathname)?.[1] ?? 'u/0';
  const title = typeof page === 'string' ? page : page.title;
  const address =
    asAddress(ADDRESS_IN_TITLE.exec(title)?.[1]) ?? (typeof page === 'string' ? undefined : addressInHeader(page));
  return address ? { accountPath, address } : { accountPath };
}
