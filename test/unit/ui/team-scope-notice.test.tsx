// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamListsReply } from '@/lib/features/team/team-view-messages';
import { followTeamChanges } from '@/lib/ui/follow-team-changes';
import { useDashboard } from '@/lib/ui/use-dashboard';
import { useTeamScope } from '@/lib/ui/use-team-scope';
import { FROM_BACKGROUND, fakeBackgroundAnswering, TEAM_CHANGED } from './fake-background';

// The popup, side panel and dashboard learn that the team scope changed from the
// background's notice, and ask again then; nothing asks on a timer.

let root: Root;
let seen: TeamListsReply[];
let background: { asks: () => number };
let answer: TeamListsReply;

function Probe() {
  seen.push(useTeamScope().team);
  return null;
}

const connected = (computedAt: number): TeamListsReply => ({
  connected: true,
  version: `v${computedAt}`,
  waiting: { rows: [], total: 0 },
  riskiest: [],
  ignored: { stale: 0, future: 0, invalid: 0 },
  computedAt,
});

/** Lets the fake background answer, and the page render what it said. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the team scope of an open page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    answer = connected(1);
    seen = [];
    background = fakeBackgroundAnswering('ui/team-lists', () => answer);
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    root.unmount();
    vi.restoreAllMocks();
  });

  it('asks once when it opens, again on each notice, and sets no timer', async () => {
    const interval = vi.spyOn(globalThis, 'setInterval');
    root.render(createElement(Probe));
    await expect.poll(() => seen.at(-1)).toEqual(connected(1));
    expect(background.asks()).toBe(1);
    answer = connected(2);
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await expect.poll(() => seen.at(-1)).toEqual(connected(2));
    expect(background.asks()).toBe(2);
    expect(interval).not.toHaveBeenCalled();
  });

  it('ignores a notice from a tab, one of another shape, and any after the page closed', async () => {
    root.render(createElement(Probe));
    await expect.poll(() => background.asks()).toBe(1);
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, {
      ...FROM_BACKGROUND,
      tab: { id: 7 } as Browser.tabs.Tab,
    });
    await fakeBrowser.runtime.onMessage.trigger({ ...TEAM_CHANGED, clients: [] }, FROM_BACKGROUND);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'background/risks-changed' }, FROM_BACKGROUND);
    await settle();
    expect(background.asks()).toBe(1);
    root.unmount();
    root = createRoot(document.createElement('div'));
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await settle();
    expect(background.asks()).toBe(1);
  });

  it('shows no team when the background can no longer be asked', async () => {
    root.render(createElement(Probe));
    await expect.poll(() => seen.at(-1)).toEqual(connected(1));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await expect.poll(() => seen.at(-1)).toEqual({ connected: false });
  });
});

describe('following the team’s changes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never asks twice at once: notices during a slow answer bring one more ask after it', async () => {
    const answers: (() => void)[] = [];
    const ask = vi.fn(() => new Promise<void>((resolve) => answers.push(resolve)));
    const stop = followTeamChanges(ask);
    expect(ask).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i += 1) await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    expect(ask).toHaveBeenCalledTimes(1);
    answers[0]?.();
    await expect.poll(() => ask.mock.calls.length).toBe(2);
    answers[1]?.();
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
    stop();
  });

  it('goes on after an ask that failed', async () => {
    const ask = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(undefined);
    const stop = followTeamChanges(() => ask().catch(() => undefined));
    await settle();
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await expect.poll(() => ask.mock.calls.length).toBe(2);
    stop();
  });
});

describe('the dashboard', () => {
  let dashboardRoot: Root;
  let asked: string[];
  let states: string[];

  function DashboardProbe({ scope }: { scope: 'mine' | 'team' }) {
    states.push(useDashboard('me@studio.example', scope).state.kind);
    return null;
  }

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    states = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: string }).type;
      if (type !== 'ui/team-dashboard' && type !== 'ui/get-dashboard') return undefined;
      asked.push(type);
      return Promise.resolve(
        type === 'ui/team-dashboard'
          ? { connected: true, timeZone: 'UTC', clients: [] }
          : { timeZone: 'UTC', clients: [] },
      );
    });
    dashboardRoot = createRoot(document.createElement('div'));
  });
  afterEach(() => dashboardRoot.unmount());

  it('in the team scope asks again on each notice, without showing “loading” in between', async () => {
    dashboardRoot.render(createElement(DashboardProbe, { scope: 'team' }));
    await expect.poll(() => states.at(-1)).toBe('ready');
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await expect.poll(() => asked).toEqual(['ui/team-dashboard', 'ui/team-dashboard']);
    await settle();
    expect(states.slice(states.indexOf('ready'))).not.toContain('loading');
  });

  it('of the member’s own account does not follow the team', async () => {
    dashboardRoot.render(createElement(DashboardProbe, { scope: 'mine' }));
    await expect.poll(() => states.at(-1)).toBe('ready');
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await settle();
    expect(asked).toEqual(['ui/get-dashboard']);
  });
});
