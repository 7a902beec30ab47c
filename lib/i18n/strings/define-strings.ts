/**
 * One area's texts in every language. English is the source: Ukrainian and
 * Russian must translate exactly its keys, so a missing or stray key fails the
 * type check (and the i18n test, which also compares placeholders).
 */
export function defineStrings<const English extends Record<string, string>>(strings: {
  en: English;
  uk: Record<keyof English, string>;
  ru: Record<keyof English, string>;
}) {
  return strings;
}
