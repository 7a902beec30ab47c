import { isEmailAddress } from './email-address';

/** Visible text of an element, with Gmail's emoji images (`img[data-emoji]`) read as their characters. */
export function readText(element: Element | null | undefined): string {
  if (!element) return '';
  // Most elements hold no emoji image: their text is read in one call.
  if (!element.querySelector('img')) return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'IMG') text += el.getAttribute('data-emoji') ?? el.getAttribute('alt') ?? '';
      else for (const child of el.childNodes) walk(child);
    }
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

export function readEmail(element: Element): string | undefined {
  const email = element.getAttribute('email')?.trim().toLowerCase();
  return email && isEmailAddress(email) ? email : undefined;
}
