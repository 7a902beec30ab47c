import { browser } from 'wxt/browser';
import type { ReplyTo, ToBackground } from './schemas';

export class BackgroundRefusedError extends Error {}

function isRefusal(raw: unknown): raw is { refused: string } {
  return typeof raw === 'object' && raw !== null && typeof (raw as { refused?: unknown }).refused === 'string';
}

/**
 * Sends one message to the background. The background is our own code and
 * answers with the reply type of the message; it is the receiving side that
 * validates, which keeps zod out of the Gmail content script's bundle.
 */
export async function sendToBackground<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  if (isRefusal(raw)) throw new BackgroundRefusedError(raw.refused);
  return raw as ReplyTo<M['type']>;
}
