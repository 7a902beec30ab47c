const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A tagged template that escapes every interpolated value unless it is already markup. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const piece = Array.isArray(value)
      ? value.map((v) => (v instanceof Markup ? v.html : escapeHtml(String(v)))).join('')
      : value instanceof Markup
        ? value.html
        : value === undefined || value === null || value === false
          ? ''
          : escapeHtml(String(value));
    out += piece + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}
