import pillCss from '@/components/risk-pill.css?inline';
import type { CrmRecordReply } from '@/lib/features/crm/messages';
import { RISK_SYMBOL } from '@/lib/i18n/risk-symbols';
import type { Translator } from '@/lib/i18n/translate';

// The risk badge beside a CRM record's title: the same pill, colours and words
// as everywhere else, in a shadow root so neither the CRM's styles nor ours
// leak (its host's rules are !important: see badge-style.ts). A record that is
// no known client gets a quiet note; an unreadable or ambiguous one gets
// nothing at all.

export const BADGE_TAG = 'keepwarm-crm-badge';

const EXTRA_CSS = `
:host {
  all: initial !important; display: inline-block !important; margin-inline-start: 8px !important;
  vertical-align: middle !important; font-family: system-ui, sans-serif !important;
}
:host([data-floating]) {
  position: fixed !important; top: 12px !important; right: 12px !important; z-index: 2147483647 !important;
}
.kw-pill--unknown { background: #f1f3f4; color: #3c4043; font-weight: 500; }
button.kw-pill { border: 0; cursor: pointer; font-family: inherit; }
button.kw-pill:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;

export type CrmClient = NonNullable<CrmRecordReply['client']>;

/** Both are called within the click, whose user gesture opening the side panel needs. */
export interface BadgeActions {
  /** Shows the client in the side panel. */
  open(client: CrmClient): void;
  /** Opens the side panel on a record of nobody known, where the user may choose to watch it. */
  offer(candidate: string): void;
}

function pillButton(className: string, title: string, text: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.title = title;
  button.textContent = text;
  button.addEventListener('click', (event) => {
    // The CRM's own handlers around the title (inline rename, navigation) must not see the click.
    event.stopPropagation();
    event.preventDefault();
    onClick();
  });
  return button;
}

export function createBadge(reply: CrmRecordReply, t: Translator['t'], actions: BadgeActions): HTMLElement | undefined {
  let pill: HTMLButtonElement;
  const candidate = reply.candidates[0];
  if (reply.match === 'matched' && reply.client) {
    const client = reply.client;
    const { level, score, name } = client;
    pill = pillButton(
      `kw-pill kw-pill--${level}`,
      t('crm.badgeTitle', { name, score }),
      `${RISK_SYMBOL[level]} ${t(`risk.${level}`)}`,
      () => actions.open(client),
    );
  } else if (reply.match === 'unknown' && reply.candidates.length === 1 && candidate) {
    pill = pillButton(
      'kw-pill kw-pill--unknown',
      t('crm.unknownClientTitle', { candidate }),
      t('crm.unknownClient'),
      () => actions.offer(candidate),
    );
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
