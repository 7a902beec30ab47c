import { isEmailAddress } from '../email-address';
import { clip, EARLIEST_TIME, LATEST_TIME, MAX_NAME } from './limits';
import type { GmailDataAddress } from './records';

// Gmail's data is protocol buffers written as JSON in two encodings: until
// 2022 as objects keyed by field number ({"1": …, "4": …}), since then as
// arrays where field n sits at index n − 1. Reading every field through
// `field(node, n)` lets one reader serve both, with the field numbers the
// references use for the object form.

export function field(node: unknown, n: number): unknown {
  if (Array.isArray(node)) return node[n - 1];
  if (node !== null && typeof node === 'object') {
    const key = String(n);
    return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return undefined;
}

export function listField(node: unknown, n: number): unknown[] {
  const value = field(node, n);
  return Array.isArray(value) ? value : [];
}

export function textField(node: unknown, n: number): string | undefined {
  const value = field(node, n);
  return typeof value === 'string' ? value : undefined;
}

/** Epoch milliseconds as Gmail writes them (a number or a string of digits), only when plausible. */
export function epochMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && /^\d{12,14}$/.test(value)) ms = Number(value);
  if (ms === undefined || !Number.isInteger(ms)) return undefined;
  return ms >= EARLIEST_TIME && ms < LATEST_TIME ? ms : undefined;
}

/** A decimal id from a legacy hex id (`17c3d9041ec7d0a5`), only when it is one. */
export function decimalFromHex(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[0-9a-f]{12,16}$/i.test(value)) return undefined;
  return BigInt(`0x${value}`).toString(10);
}

/** The creation time Gmail codes in a message id (its value shifted right by 20 bits), when plausible. */
export function timeOfId(decimal: string | undefined): number | undefined {
  return decimal === undefined ? undefined : epochMs(Number(BigInt(decimal) >> 20n));
}

/** A decimal id written as digits (the sync data's numeric legacy ids). */
export function decimalDigits(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{1,25}$/.test(value)) return undefined;
  const trimmed = value.replace(/^0+(?=\d)/, '');
  return trimmed === '0' ? undefined : trimmed;
}

/** The address in Gmail's own form; undefined when it is not one we can trust. */
export function address(email: unknown, name: unknown): GmailDataAddress | undefined {
  if (typeof email !== 'string') return undefined;
  const normalised = email.trim().toLowerCase();
  if (normalised.length > 254 || !isEmailAddress(normalised)) return undefined;
  return { email: normalised, name: typeof name === 'string' ? clip(name.trim(), MAX_NAME) : '' };
}

/** A contact of the sync data: field 2 the address, field 3 the name (field 1 is its kind). */
export function syncContact(node: unknown): GmailDataAddress | undefined {
  return address(field(node, 2), field(node, 3));
}
