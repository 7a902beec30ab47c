import pillCss from '@/components/risk-pill.css?inline';
import type { Translator } from '@/lib/i18n/translate';
import type { CrmRecordReply } from '@/lib/messaging/schemas';
import { RISK_SYMBOL } from '@/lib/ui/risk-symbols';

// The risk badge beside a CRM record's title: the same pill, colours and words
// as everywhere else, in a shadow root so neither the CRM's styles nor ours
// leak. A record that is no known client gets a quiet note; an unreadable or
// ambiguous one gets nothing at all.

export const BADGE_TAG = 'keepwarm-crm-badge';

const EXTRA_CSS = `
:host { all: initial; display: inline-block; margin-inline-start: 8px; vertical-align: middle; font-family: system-ui, sans-serif; }
:host([data-floating]) { position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
.kw-pill--unknown { background: #f1f3f4; color: #3c4043; font-weight: 500; }
`;

export function createBadge(reply: CrmRecordReply, t: Translator['t']): HTMLElement | undefined {
  const pill = document.createElement('span');
  if (reply.match === 'matched' && reply.client) {
    const { level, score, name } = reply.client;
    pill.className = `kw-pill kw-pill--${level}`;
    pill.title = t('crm.badgeTitle', { name, score });
    pill.textContent = `${RISK_SYMBOL[level]} ${t(`risk.${level}`)}`;
  } else if (reply.match === 'unknown' && reply.candidates.length === 1) {
    pill.className = 'kw-pill kw-pill--unknown';
    pill.title = t('crm.unknownClientTitle', { candidate: reply.candidates[0] ?? '' });
    pill.textContent = t('crm.unknownClient');
  } else return undefined;
  const host = document.createElement(BADGE_TAG);
  host.dataset.match = reply.match;
  if (reply.client) host.dataset.client = reply.client.key;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = pillCss + EXTRA_CSS;
  shadow.append(style, pill);
  return host;
}

/** Puts the badge right after the title text (Dolibarr's title element also holds the address block). */
export function placeBadge(host: HTMLElement, anchor: Element | null): void {
  if (!anchor) {
    host.dataset.floating = '';
    document.body.append(host);
    return;
  }
  const first = anchor.firstChild;
  if (first && first.nodeType === 3 && (first.nodeValue ?? '').trim() && anchor.childElementCount > 0)
    first.after(host);
  else anchor.after(host);
}
