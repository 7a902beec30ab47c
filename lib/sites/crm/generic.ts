import { isEmailAddress } from '../gmail/email-address';
import { hiddenByMarkup, mailtoAddresses, readText } from './page';
import type { CrmAdapter, CrmSelectorSpec } from './types';

// Any other page, read only when the user clicks the toolbar button there:
// the `mailto:` links and the addresses written in its visible text. Which of
// them is a known client is the background's call; a page naming several
// known clients names none. Fixtures in test/fixtures/crm/generic.

export const GENERIC_SELECTORS = {
  mailto: {
    css: 'a[href^="mailto:" i]',
    why: 'Addresses as links.',
    matches: { 'client-page': 2, 'invoice-uk': 1, 'no-address': 0, 'ten-addresses': 10 },
  },
  heading: {
    css: 'h1',
    why: 'The page’s own title for what it shows; the tab title when there is none.',
    matches: { 'client-page': 1, 'invoice-uk': 1, 'no-address': 1, 'ten-addresses': 0 },
  },
} satisfies Record<string, CrmSelectorSpec>;

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'SVG']);
const CANDIDATE = /[^\s<>()[\]{}"',;:]+@[^\s<>()[\]{}"',;:]+\.[^\s<>()[\]{}"',;:]+/gu;
// A huge page is read up to here: addresses of a client page sit near its top.
const MAX_TEXT = 500_000;

/** Addresses in the visible text, in page order. */
function textAddresses(root: Element): string[] {
  const chunks: string[] = [];
  let length = 0;
  const walk = (node: Node) => {
    if (length > MAX_TEXT) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      chunks.push(text);
      length += text.length;
    } else if (node.nodeType === 1) {
      const element = node as Element;
      if (SKIPPED.has(element.tagName.toUpperCase()) || hiddenByMarkup(element)) return;
      for (const child of element.childNodes) walk(child);
      chunks.push(' ');
    }
  };
  walk(root);
  return [...chunks.join('').matchAll(CANDIDATE)]
    .map((m) => m[0].replace(/\.+$/, '').toLowerCase())
    .filter((address) => isEmailAddress(address));
}

export const generic: CrmAdapter = {
  id: 'generic',
  label: 'Any page',
  hosts: [],
  selectors: GENERIC_SELECTORS,
  titleCss: 'h1',
  route(url) {
    return url.protocol === 'https:' || url.protocol === 'http:' ? { kind: 'page' } : undefined;
  },
  read({ document }) {
    const body = document.body;
    if (!body) return undefined;
    const links = [...body.querySelectorAll(GENERIC_SELECTORS.mailto.css)].filter((a) => {
      for (let el: Element | null = a; el; el = el.parentElement) if (hiddenByMarkup(el)) return false;
      return true;
    });
    const heading = readText(body.querySelector('h1'));
    return {
      name: heading || (document.title ?? '').trim(),
      emails: [...links.flatMap((a) => mailtoAddresses(a.getAttribute('href'))), ...textAddresses(body)],
    };
  },
};
