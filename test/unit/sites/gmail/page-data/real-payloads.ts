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
