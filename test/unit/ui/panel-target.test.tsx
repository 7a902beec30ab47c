// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SIDE_PANEL_CLIENT_KEY } from '@/lib/messaging/session-keys';
import type { PanelTarget } from '@/lib/ui/side-panel-target';
import { usePanelTarget } from '@/lib/ui/use-panel-target';

// What the side panel shows first when it opens. Opened from a badge, it
// must go straight to the clicked client: showing the overview first would
// flash it and read the riskiest clients' reports for nothing.

let root: Root;
let rendered: PanelTarget[];

function Probe() {
  rendered.push(usePanelTarget().target);
  return null;
}

/** Renders as the browser does, outside act(), so every state the hook passes through is rendered. */
async function open() {
  root.render(createElement(Probe));
  await expect.poll(() => rendered.at(-1)?.kind).not.toBe('reading');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the side panel’s first target', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // A browser answers storage reads across processes, a task later, not in the same microtask.
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return get(keys);
    });
    rendered = [];
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    root.unmount();
    vi.restoreAllMocks();
  });

  it('is the clicked client, without the overview in between', async () => {
    await fakeBrowser.storage.session.set({
      [SIDE_PANEL_CLIENT_KEY]: { account: 'me@studio.example', clientKey: 'acme.com' },
    });
    await open();
    expect(rendered.map((target) => target.kind)).toEqual(['reading', 'client']);
    expect(rendered.at(-1)).toMatchObject({ account: 'me@studio.example', clientKey: 'acme.com' });
  });

  it('follows the tab switched to while the first read of the active tab is still answering', async () => {
    const gmail = 'https://mail.google.com/mail/u/0/#inbox/18c2a1b2c3d4e5f6';
    let reads = 0;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => {
      reads += 1;
      // The first read, of the tab the panel opened in, answers last.
      if (reads === 1) {
        await new Promise((resolve) => setTimeout(resolve, 80));
        return [{ id: 1, url: 'https://example.com/', active: true } as Browser.tabs.Tab];
      }
      return [{ id: 2, url: gmail, active: true } as Browser.tabs.Tab];
    });
    root.render(createElement(Probe));
    await expect.poll(() => reads).toBe(1);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
    await expect.poll(() => rendered.at(-1)?.kind).toBe('thread');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(rendered.at(-1)).toMatchObject({ kind: 'thread', threadId: expect.any(String) });
    expect(rendered.map((target) => target.kind)).not.toContain('overview');
  });

  it('is the overview when nothing was clicked and the tab shows no client', async () => {
    await open();
    expect(rendered.map((target) => target.kind)).toEqual(['reading', 'overview']);
  });
});
