import { browser } from 'wxt/browser';
import type { ReplyTo, ToBackground } from './schemas';

export class BackgroundRefusedError extends Error {}

/** The background could not store what was sent because the browser's storage for Keepwarm is full. */
export class BackgroundStorageFullError extends Error {}

function hasText<K extends string>(raw: unknown, key: K): raw is Record<K, string> {
  return typeof raw === 'object' && raw !== null && typeof (raw as Record<K, unknown>)[key] === 'string';
}

/**
 * Sends one message to the background. The background is our own code and
 * answers with the reply type of the message; it is the receiving side that
 * validates, which keeps zod out of the Gmail content script's bundle.
 */
export async function sendToBackground<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  if (hasText(raw, 'refused')) throw new BackgroundRefusedError(raw.refused);
  if (hasText(raw, 'storageFull')) throw new BackgroundStorageFullError(raw.storageFull);
  return raw as ReplyTo<M['type']>;
}
