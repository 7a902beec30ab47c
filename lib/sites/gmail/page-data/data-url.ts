// Which of Gmail's responses hold thread data worth copying: the sync data
// layer's thread lists (`/sync/u/N/i/bv`) and thread responses (`…/i/fd`), and
// the older API's thread lists (`view=tl`) and conversations (`view=cv`) under
// `/mail/u/N/`. Anything else (attachments, settings, sends, other hosts) is not.

const SYNC_PATH = /^\/sync\/u\/\d{1,2}\/i\/(?:bv|fd)$/;
const MAIL_PATH = /^\/mail(?:\/u\/\d{1,2})?\/?$/;
const OLD_VIEWS = new Set(['tl', 'cv']);

/** The URL when it is one of Gmail's own (https, mail.google.com), else undefined. */
function gmailUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === 'mail.google.com' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function isGmailDataUrl(url: string): boolean {
  const parsed = gmailUrl(url);
  if (!parsed) return false;
  if (SYNC_PATH.test(parsed.pathname)) return true;
  return MAIL_PATH.test(parsed.pathname) && OLD_VIEWS.has(parsed.searchParams.get('view') ?? '');
}

/**
 * The signed-in account index a Gmail URL belongs to (`/mail/u/1/`, `/sync/u/1/`),
 * 0 for the bare `/mail/` Gmail serves as the first account, undefined when the
 * URL is not Gmail's at all.
 */
export function accountIndexOf(url: string): number | undefined {
  const parsed = gmailUrl(url);
  if (!parsed) return undefined;
  const match = /^\/(?:mail|sync)\/u\/(\d{1,2})(?:\/|$)/.exec(parsed.pathname);
  if (match?.[1]) return Number(match[1]);
  return /^\/mail(?:\/|$)/.test(parsed.pathname) ? 0 : undefined;
}
