import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { RISK_SYMBOL } from '@/lib/i18n/risk-symbols';
import { PILL_CSS } from './badge-style';
import type { BadgeTooltip } from './badge-tooltip';

export const BADGE_TAG = 'keepwarm-badge';

/** A change of the page that is only a badge of ours being placed, moved, removed or updated. */
export function isBadgeMutation(record: MutationRecord): boolean {
  const isBadge = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  if (record.type !== 'childList') return isBadge(record.target);
  return [...record.addedNodes, ...record.removedNodes].every(isBadge);
}

/** Events Gmail may act on to open or select a row: the pill keeps them to itself. */
const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick'] as const;

export interface BadgeEnv {
  doc: Document;
  /** One parsed stylesheet shared by every badge, when the browser lets a content script share one. */
  sheet: CSSStyleSheet | undefined;
  tooltip: BadgeTooltip;
  hint(): string;
  open(risk: ThreadRisk): void;
}

/** A stylesheet parsed once for every badge's shadow root; undefined where sharing one is not possible. */
export function createPillSheet(): CSSStyleSheet | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PILL_CSS);
    return sheet;
  } catch {
    return undefined;
  }
}

function adoptStyle(root: ShadowRoot, sheet: CSSStyleSheet | undefined): void {
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Firefox refuses a sheet made in the content script's world for a page's shadow root.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = PILL_CSS;
  root.append(style);
}

function riskKey(risk: ThreadRisk): string {
  return JSON.stringify([risk.level, risk.levelText, risk.score, risk.name, risk.label, risk.reasons, risk.urgent]);
}

/**
 * One badge: a light host element with a shadow root holding a button.
 * The same element is moved and updated in place as Gmail re-renders rows,
 * so it never flickers.
 */
export class BadgePill {
  readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly symbol: HTMLElement;
  private readonly word: HTMLElement;
  /** A reason to act now, apart from the level: "! cancelling?". */
  private readonly urgent: HTMLElement;
  private key = '';
  risk: ThreadRisk | undefined;

  constructor(env: BadgeEnv) {
    const { doc } = env;
    this.host = doc.createElement(BADGE_TAG);
    this.host.setAttribute('data-keepwarm', 'badge');
    const root = this.host.attachShadow({ mode: 'open' });
    adoptStyle(root, env.sheet);
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.symbol = doc.createElement('span');
    this.symbol.className = 'icon';
    this.symbol.setAttribute('aria-hidden', 'true');
    this.word = doc.createElement('span');
    this.urgent = doc.createElement('span');
    this.urgent.className = 'urgent';
    this.urgent.hidden = true;
    this.button.append(this.symbol, this.word, this.urgent);
    root.append(this.button);

    for (const type of SWALLOWED) this.host.addEventListener(type, (event) => event.stopPropagation());
    this.host.addEventListener('click', (event) => {
      event.stopPropagation();
      event.preventDefault();
      if (this.risk) env.open(this.risk);
    });
    // Gmail acts on Enter for the focused row; on the pill it is the pill's. Escape dismisses the tooltip.
    this.host.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
      if (event.key === 'Escape') env.tooltip.hide();
    });
    const show = () => this.risk && env.tooltip.show(this.button, this.risk, env.hint());
    const hide = () => env.tooltip.hide();
    this.button.addEventListener('pointerenter', show);
    this.button.addEventListener('focus', show);
    this.button.addEventListener('pointerleave', hide);
    this.button.addEventListener('blur', hide);
  }

  /** Writes only what changed; returns whether anything did. */
  update(risk: ThreadRisk): boolean {
    this.risk = risk;
    const key = riskKey(risk);
    if (key === this.key) return false;
    this.key = key;
    this.button.className = risk.level;
    this.symbol.textContent = RISK_SYMBOL[risk.level];
    this.word.textContent = risk.levelText;
    this.urgent.hidden = risk.urgent === undefined;
    this.urgent.textContent = risk.urgent ? `! ${risk.urgent.word}` : '';
    this.button.setAttribute('aria-label', risk.label);
    this.host.setAttribute('data-level', risk.level);
    if (risk.urgent) this.host.setAttribute('data-urgent', risk.urgent.kind);
    else this.host.removeAttribute('data-urgent');
    return true;
  }
}
