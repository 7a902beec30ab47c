import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The real Gmail payloads beside the checkout (../shared/fixtures/gmail/xhr),
// read in tests only; undefined on a bare clone, where the tests skip.

export const XHR_DIR = path.resolve(import.meta.dirname, '../../../../../..', 'shared', 'fixtures', 'gmail', 'xhr');
export const HAS_XHR = existsSync(XHR_DIR);

export function readXhr(name: string): string | undefined {
  const file = path.join(XHR_DIR, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Wraps a parsed embedded payload the way the page hands it over: a `_GM_setData` call, the data as a JSON string. */
export function asSetData(key: 'a6jdv' | 'Cl6csf', payload: string): string {
  return `_GM_setData(${JSON.stringify({ [key]: [[null, null, payload]] })});`;
}

export const LIST_URL = 'https://mail.google.com/sync/u/0/i/bv?hl=en&c=0&rt=r&pt=ji';
export const THREAD_URL = 'https://mail.google.com/sync/u/0/i/fd?hl=en&c=1&rt=r&pt=ji';
export const PAGE_URL = 'https://mail.google.com/mail/u/0/#inbox';

/**
 * A stored older-API response as Gmail sent it. Upstream keeps some wrapped in
 * `{ "input": … }`, some as a JSON string, and the `search-response-start-*`
 * and `-total-*` ones already deserialized: those are framed again here the
 * way Gmail frames its chunks (`)]}'`, then each chunk after its length).
 */
export function readLegacyXhr(name: string): string | undefined {
  const raw = readXhr(name);
  if (raw === undefined) return undefined;
  const start = raw.trimStart();
  if (start.startsWith(")]}'")) return raw;
  const value: unknown = JSON.parse(raw);
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'input' in value && typeof value.input === 'string') {
    return value.input;
  }
  if (!Array.isArray(value)) throw new Error(`${name} is none of the stored forms`);
  return `)]}'\n\n${value.map((chunk) => `${JSON.stringify(chunk).length}\n${JSON.stringify(chunk)}`).join('\n')}\n`;
}

export const OLD_LIST_URL = 'https://mail.google.com/mail/u/0/?ui=2&ik=1f119f7bbb&view=tl&start=0&num=70&search=inbox';
export const OLD_THREAD_URL = 'https://mail.google.com/mail/u/0/?ui=2&ik=1f119f7bbb&view=cv&th=19a9e15b7a82dc3c';
