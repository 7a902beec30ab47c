import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { TOOLTIP_CSS } from './badge-style';

const GAP = 6;

function line(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * One tooltip for every badge, on the page's top layer rather than inside a
 * row: Gmail's cells clip what overflows them. Pointer events pass through it.
 */
export class BadgeTooltip {
  readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private readonly listeners = new AbortController();

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('keepwarm-tooltip');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = TOOLTIP_CSS;
    this.box = doc.createElement('div');
    this.box.setAttribute('role', 'tooltip');
    this.box.hidden = true;
    root.append(style, this.box);
    // It stays where it was drawn: when the list scrolls away under it, it goes.
    doc.defaultView?.addEventListener('scroll', () => this.hide(), {
      capture: true,
      passive: true,
      signal: this.listeners.signal,
    });
  }

  show(anchor: Element, risk: ThreadRisk, hint: string): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const list = this.doc.createElement('ul');
    for (const reason of risk.reasons) list.append(line(this.doc, 'li', 'reason', reason.text));
    this.box.replaceChildren(
      line(this.doc, 'span', 'name', risk.name),
      line(this.doc, 'span', 'score', `${risk.levelText} · ${risk.scoreText}`),
      ...(risk.urgent ? [line(this.doc, 'span', 'urgent', `! ${risk.urgent.text}`)] : []),
      list,
      line(this.doc, 'span', 'hint', hint),
    );
    this.box.hidden = false;
    const rect = anchor.getBoundingClientRect();
    const view = this.doc.defaultView;
    const below = rect.bottom + GAP;
    const height = this.box.offsetHeight;
    const top = view && below + height > view.innerHeight ? Math.max(0, rect.top - GAP - height) : below;
    const left = Math.max(0, Math.min(rect.left, (view?.innerWidth ?? 0) - this.box.offsetWidth - GAP));
    this.box.style.top = `${top}px`;
    this.box.style.left = `${left}px`;
  }

  hide(): void {
    this.box.hidden = true;
  }

  get visibleText(): string {
    return this.box.hidden ? '' : (this.box.textContent ?? '');
  }

  destroy(): void {
    this.listeners.abort();
    this.host.remove();
  }
}
