// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamSectionProps } from '@/components/team-section';
import { useTeam } from '@/entrypoints/options/use-team';
import type { TeamStatus } from '@/lib/features/team/messages';
import { FROM_BACKGROUND, fakeBackgroundAnswering, TEAM_CHANGED } from './fake-background';

// The options page's team section learns that the connection changed from the
// background's notice, and asks for the status again then; nothing asks on a timer.

let root: Root;
let seen: TeamSectionProps[];
let background: { asks: () => number };
let answer: TeamStatus;

function Probe() {
  seen.push(useTeam());
  return null;
}

const status = (state: TeamStatus['state'], synced: boolean): TeamStatus => ({
  connected: true,
  url: 'wss://team.example.com',
  teamId: 'studio1',
  state,
  synced,
  members: [],
  invalid: 0,
});

describe('the options page’s team status', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    seen = [];
    answer = status('connecting', false);
    background = fakeBackgroundAnswering('ui/team-status', () => answer);
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    root.unmount();
    vi.restoreAllMocks();
  });

  it('asks once when it opens, again on each notice, and sets no timer', async () => {
    const interval = vi.spyOn(globalThis, 'setInterval');
    root.render(createElement(Probe));
    await expect.poll(() => seen.at(-1)?.status).toEqual(status('connecting', false));
    for (const next of [status('connected', false), status('connected', true), status('offline', false)]) {
      answer = next;
      await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
      await expect.poll(() => seen.at(-1)?.status).toEqual(next);
    }
    expect(background.asks()).toBe(4);
    expect(interval).not.toHaveBeenCalled();
  });

  it('says when the background cannot be asked', async () => {
    root.render(createElement(Probe));
    await expect.poll(() => background.asks()).toBe(1);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await fakeBrowser.runtime.onMessage.trigger(TEAM_CHANGED, FROM_BACKGROUND);
    await expect.poll(() => seen.at(-1)?.error).toMatch(/Extension context invalidated/);
  });
});
