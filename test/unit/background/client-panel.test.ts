import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openClientPanel, openTabPanel, type PanelApi } from '@/lib/background/client-panel';
import { sidePanelClientItem } from '@/lib/messaging/side-panel-client';

// A badge click always shows the client: in the side panel when the browser
// opens it, in Firefox's sidebar when it is already open, otherwise in a tab.

const request = { account: 'me@agency.example', clientKey: 'acme.example', requestedAt: 1_700_000_000_000, tabId: 7 };
const place = { tabId: 7, windowId: 2, tabIndex: 3 };

function api(parts: { sidePanel?: boolean; sidebar?: 'opens' | 'refuses'; sidebarOpen?: boolean }) {
  const created: unknown[] = [];
  const storedWhenCreated: unknown[] = [];
  const value: PanelApi = {
    tabs: {
      create: async (properties) => {
        storedWhenCreated.push(await sidePanelClientItem.getValue());
        created.push(properties);
        return {};
      },
    },
    runtime: { getURL: (path) => `moz-extension://uuid${path}` },
  };
  if (parts.sidePanel) value.sidePanel = { open: vi.fn(async () => undefined) };
  if (parts.sidebar) {
    value.sidebarAction = {
      open: vi.fn(() =>
        parts.sidebar === 'opens'
          ? Promise.resolve()
          : Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
      ),
      isOpen: vi.fn(async () => parts.sidebarOpen ?? false),
    };
  }
  return { value, created, storedWhenCreated };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('a badge click', () => {
  it('opens Chrome’s side panel on the clicked tab and stores the client', async () => {
    const chrome = api({ sidePanel: true });
    expect(await openClientPanel(request, place, chrome.value)).toBe('panel');
    expect(chrome.value.sidePanel?.open).toHaveBeenCalledWith({ tabId: 7 });
    expect(chrome.created).toEqual([]);
    expect(await sidePanelClientItem.getValue()).toEqual(request);
  });

  it('opens Firefox’s sidebar when Firefox allows it', async () => {
    const firefox = api({ sidebar: 'opens' });
    expect(await openClientPanel(request, place, firefox.value)).toBe('panel');
    expect(firefox.created).toEqual([]);
  });

  it('leaves an open sidebar to follow the stored client when Firefox refuses to open it', async () => {
    const firefox = api({ sidebar: 'refuses', sidebarOpen: true });
    expect(await openClientPanel(request, place, firefox.value)).toBe('sidebar-open');
    expect(firefox.value.sidebarAction?.isOpen).toHaveBeenCalledWith({ windowId: 2 });
    expect(firefox.created).toEqual([]);
    expect(await sidePanelClientItem.getValue()).toEqual(request);
  });

  it('shows the client in a tab beside Gmail when the sidebar is closed and cannot be opened', async () => {
    const firefox = api({ sidebar: 'refuses', sidebarOpen: false });
    expect(await openClientPanel(request, place, firefox.value)).toBe('tab');
    expect(firefox.created).toEqual([
      { url: 'moz-extension://uuid/sidepanel.html?in-tab', active: true, windowId: 2, index: 4, openerTabId: 7 },
    ]);
    // The page reads the client when it starts: it is stored before the tab opens.
    expect(firefox.storedWhenCreated).toEqual([request]);
  });

  it('says so when nothing could show the client', async () => {
    const broken = api({});
    broken.value.tabs.create = () => Promise.reject(new Error('no window'));
    expect(await openClientPanel(request, place, broken.value)).toBeUndefined();
  });
});

describe('the CRM badge’s offer to open the panel', () => {
  it('falls back to a tab in the same way', async () => {
    const firefox = api({ sidebar: 'refuses' });
    expect(await openTabPanel({ tabId: 9, windowId: 1 }, firefox.value)).toBe('tab');
    expect(firefox.created).toHaveLength(1);
  });
});
