// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GmailAccessNotice } from '@/components/gmail-access-notice';
import { createTranslator } from '@/lib/i18n/translate';
import { GMAIL_ACCESS, useGmailAccess } from '@/lib/ui/use-gmail-access';
import { TranslatorContext } from '@/lib/ui/use-translator';

// With Gmail's access taken back (Firefox lets the user do it at any time), the
// popup and side panel say so and offer the one button that asks for it again.

describe('the Gmail access notice', () => {
  it.each(['en', 'uk', 'ru'] as const)('in %s: says Gmail cannot be read and offers to allow it', (language) => {
    const render = (missing: boolean) =>
      renderToStaticMarkup(
        <TranslatorContext.Provider value={createTranslator(language)}>
          <GmailAccessNotice missing={missing} onGrant={() => undefined} />
        </TranslatorContext.Provider>,
      );
    expect(render(false)).toBe('');
    const html = render(true);
    expect(html).toContain('role="alert"');
    expect(html).toContain('mail.google.com');
    expect(html.match(/<button/g)).toHaveLength(1);
  });
});

describe('useGmailAccess', () => {
  let root: Root;
  let granted: boolean;
  let state: ReturnType<typeof useGmailAccess>;
  const listeners: (() => void)[] = [];

  function Probe() {
    state = useGmailAccess();
    return null;
  }

  beforeEach(() => {
    fakeBrowser.reset();
    listeners.length = 0;
    const permissions = fakeBrowser.permissions;
    vi.spyOn(permissions, 'contains').mockImplementation(async () => granted);
    vi.spyOn(permissions, 'request').mockImplementation(async () => {
      granted = true;
      return true;
    });
    for (const event of [permissions.onAdded, permissions.onRemoved]) {
      vi.spyOn(event, 'addListener').mockImplementation((listener) => void listeners.push(listener as () => void));
      vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
    }
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    root.unmount();
    vi.restoreAllMocks();
  });

  it('finds the access missing, asks for Gmail alone on the click, and follows the browser’s changes', async () => {
    granted = false;
    root.render(createElement(Probe));
    await vi.waitFor(() => expect(state.missing).toBe(true));
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith(GMAIL_ACCESS);

    state.onGrant();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://mail.google.com/*'] });
    await vi.waitFor(() => expect(state.missing).toBe(false));

    granted = false;
    for (const listener of listeners) listener();
    await vi.waitFor(() => expect(state.missing).toBe(true));
  });

  it('shows nothing while access is there', async () => {
    granted = true;
    root.render(createElement(Probe));
    await vi.waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.missing).toBe(false);
  });
});
