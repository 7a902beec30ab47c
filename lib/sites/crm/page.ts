// DOM reading shared by the CRM adapters. Every helper takes whatever the page
// holds (missing elements, odd attributes, broken escapes) without throwing.
import { readText } from '../gmail/dom-text';
import { isEmailAddress } from '../gmail/email-address';

export { readText };

/** Every open shadow root at or under `root`, nested ones included. */
export function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const enter = (shadow: ShadowRoot | null | undefined) => {
    if (!shadow) return;
    found.push(shadow);
    visit(shadow);
  };
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) enter(element.shadowRoot);
  };
  enter((root as Partial<Element>).shadowRoot);
  visit(root);
  return found;
}

/** querySelectorAll that also looks inside open shadow roots (Lightning web components). */
export function queryDeep(root: ParentNode, css: string): Element[] {
  const found = [...root.querySelectorAll(css)];
  for (const shadow of shadowRoots(root)) found.push(...shadow.querySelectorAll(css));
  return found;
}

const HIDDEN_CLASSES = ['slds-hide', 'hideEl', 'hidden', 'd-none', 'o_invisible_modifier'];

/** This element, not its ancestors, hidden by markup (attribute or inline style): what a saved and a live page agree on. */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** Hidden by markup or by a CRM's hiding class, on the element or any ancestor. */
export function isHidden(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (hiddenByMarkup(el) || HIDDEN_CLASSES.some((name) => el?.classList.contains(name))) return true;
  }
  return false;
}

export function normaliseEmail(text: string | null | undefined): string | undefined {
  const address = (text ?? '').trim().toLowerCase();
  return isEmailAddress(address) ? address : undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The addresses of a `mailto:` link: several may be listed with commas, parameters follow "?". */
export function mailtoAddresses(href: string | null): string[] {
  if (!href || !/^\s*mailto:/i.test(href)) return [];
  const list = href.trim().slice('mailto:'.length).split('?')[0] ?? '';
  return decode(list)
    .split(/[,;]/)
    .map((part) => normaliseEmail(part))
    .filter((a): a is string => a !== undefined);
}

/** Addresses of every visible `mailto:` link under the roots. */
export function mailtoEmails(roots: readonly ParentNode[]): string[] {
  return roots.flatMap((root) =>
    [...root.querySelectorAll('a[href^="mailto:" i]')]
      .filter((a) => !isHidden(a))
      .flatMap((a) => mailtoAddresses(a.getAttribute('href'))),
  );
}

/** A form value: an input's current value, else the element's text. */
export function readValue(element: Element | null | undefined): string {
  if (!element) return '';
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') {
    return ((element as HTMLInputElement).value ?? element.getAttribute('value') ?? '').trim();
  }
  return readText(element);
}

/** Text of a field that shows one or more addresses as plain text ("a@x.com, b@y.com"). */
export function emailsInText(text: string): string[] {
  return text
    .split(/[\s,;<>()]+/)
    .map((word) => normaliseEmail(word.replace(/^mailto:/i, '')))
    .filter((a): a is string => a !== undefined);
}

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** "https://www.acme.com/about" or "acme.com" → "acme.com"; anything else → undefined. */
export function webDomain(text: string | null | undefined): string | undefined {
  const raw = (text ?? '').trim().toLowerCase();
  if (!raw || raw.includes('@') || /^(?:mailto|javascript|tel):/.test(raw)) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, '');
  return DOMAIN.test(host) ? host : undefined;
}

/** A machine-readable time (`datetime` or an ISO title), never a localized one guessed at. */
export function machineTime(element: Element): number | undefined {
  for (const value of [element.getAttribute('datetime'), element.getAttribute('title')]) {
    if (value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
      const at = Date.parse(value.trim());
      if (Number.isFinite(at)) return at;
    }
  }
  return undefined;
}

/** Activity entries: each item's machine-readable `time[datetime]` and its label. */
export function timedEntries(root: ParentNode, itemCss: string, labelCss: string): { at?: number; label: string }[] {
  return [...root.querySelectorAll(itemCss)].map((item) => {
    const time = item.querySelector('time[datetime]');
    return { at: time ? machineTime(time) : undefined, label: readText(item.querySelector(labelCss)) };
  });
}

/** Visible text including what open shadow roots render (Lightning puts field values there). */
export function deepText(element: Element | null | undefined): string {
  if (!element) return '';
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 || node.nodeType === 11) {
      const shadow = (node as Element).shadowRoot;
      if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE' || node.nodeName === 'TEMPLATE') return;
      for (const child of (shadow ?? node).childNodes) walk(child);
    }
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}
