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
button.kw-pill { border: 0; cursor: pointer; font-family: inherit; }
button.kw-pill:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;

export type CrmClient = NonNullable<CrmRecordReply['client']>;

export interface BadgeActions {
  /** Shows the client in the side panel; called within the click, whose user gesture opening it needs. */
  open(client: CrmClient): void;
}

function clientButton(client: CrmClient, t: Translator['t'], actions: BadgeActions): HTMLButtonElement {
  const { level, score, name } = client;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `kw-pill kw-pill--${level}`;
  button.title = t('crm.badgeTitle', { name, score });
  button.textContent = `${RISK_SYMBOL[level]} ${t(`risk.${level}`)}`;
  button.addEventListener('click', (event) => {
    // The CRM's own handlers around the title (inline rename, navigation) must not see the click.
    event.stopPropagation();
    event.preventDefault();
    actions.open(client);
  });
  return button;
}

export function createBadge(reply: CrmRecordReply, t: Translator['t'], actions: BadgeActions): HTMLElement | undefined {
  let pill: HTMLElement = document.createElement('span');
  if (reply.match === 'matched' && reply.client) {
    pill = clientButton(reply.client, t, actions);
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
