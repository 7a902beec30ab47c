// An import batch as the options page sends it to the background, and what
// the popup says when storage refused one.
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium';

export interface BatchShape {
  account: string;
  first: number;
  count: number;
  snippet: string;
  now: number;
}

/**
 * `count` messages between the account and one conversation partner, taking
 * turns, each in its own thread, numbered from `first`, a minute apart going
 * back from `now`.
 */
export function importBatch({ account, first, count, snippet, now }: BatchShape) {
  return {
    type: 'ui/import-batch',
    account,
    messages: Array.from({ length: count }, (_, i) => {
      const k = first + i;
      const hex = k.toString(16).padStart(16, '0');
      return {
        id: `<quota-${k}@acme.example>`,
        threadId: `t:${hex}`,
        at: now - (k + 1) * 60_000,
        from: { email: k % 2 === 0 ? 'dana@acme.example' : account },
        to: [{ email: k % 2 === 0 ? account : 'dana@acme.example' }],
        cc: [],
        subject: `Order ${k}`,
        snippet,
        copyKey: hex,
      };
    }),
  };
}

/** The popup's notice that the browser refused to save a batch of imported mail. */
export async function expectImportRefusedNotice(browser: ExtensionBrowser): Promise<void> {
  const popup = await browser.openExtensionPage('popup.html');
  await expect
    .poll(() => popup.locator('[data-testid=storage-full]').textContent())
    .toMatch(/^Keepwarm’s storage is full: the browser refused to save a batch of imported mail on /);
  await popup.close();
}
