import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { createTeamView } from '@/lib/features/team/team-view-handlers';
import { VIEW_SCOPE_KEY } from '@/lib/features/team/team-view-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { openKeepwarmDb } from '@/lib/store/db';
import { freePort } from '../../team/team-fixtures';

function memoryArea(initial: Record<string, unknown> = {}) {
  const items = { ...initial };
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (more: Record<string, unknown>) => void Object.assign(items, more),
    remove: async (key: string) => void delete items[key],
  };
}

const badge: ThreadRisk = {
  threadId: 't1',
  clientKey: 'acme.com',
  name: 'Acme',
  level: 'high',
  score: 60,
  levelText: 'High',
  scoreText: '60% chance of going quiet',
  reasons: [],
  label: 'Acme',
};

describe('the team view without a team', () => {
  const sockets = vi.fn();
  beforeEach(() => vi.stubGlobal('WebSocket', sockets));
  afterEach(() => vi.unstubAllGlobals());

  it('says no team is connected, opens nothing, and leaves the badges as the member’s own', async () => {
    const local = memoryArea({ [VIEW_SCOPE_KEY]: 'team' });
    const view = createTeamView({ db: openKeepwarmDb(), local, timeZone: async () => 'UTC' });
    expect(await view.handlers['ui/team-lists']({ first: 12 })).toEqual({ connected: false });
    expect(await view.handlers['ui/team-waiting-page']({ offset: 12, limit: 50 })).toEqual({ connected: false });
    expect(await view.handlers['ui/team-client']({ clientKey: 'acme.com' })).toEqual({ connected: false });
    expect(await view.handlers['ui/team-dashboard']()).toEqual({ connected: false });
    expect(await view.badgesInScope([badge], createTranslator('en'))).toEqual([badge]);
    expect(sockets).not.toHaveBeenCalled();
  });

  it('keeps the scope the user chose', async () => {
    const local = memoryArea();
    const view = createTeamView({ db: openKeepwarmDb(), local, timeZone: async () => 'UTC' });
    expect(await view.handlers['ui/set-view-scope']({ scope: 'team' })).toEqual({ saved: true });
    expect(local.items[VIEW_SCOPE_KEY]).toBe('team');
  });
});

describe('the team view’s changes', () => {
  beforeEach(() => vi.stubGlobal('WebSocket', WebSocket));
  afterEach(() => vi.unstubAllGlobals());

  it('are told when the replica opens, its connection changes, the member’s reports change and it stops', async () => {
    const changed = vi.fn();
    const view = createTeamView({ db: openKeepwarmDb(), local: memoryArea(), timeZone: async () => 'UTC', changed });
    // Without a team the member's own reports change nothing the team scope shows.
    view.ownReportsChanged();
    expect(changed).not.toHaveBeenCalled();

    const replica = view.openReplica({
      url: `ws://127.0.0.1:${await freePort()}`,
      teamId: 'studio1',
      token: 'member1.secret',
    });
    expect(changed).toHaveBeenCalledTimes(1);
    await expect.poll(() => replica.state().state, { timeout: 10_000 }).toBe('offline');
    expect(changed.mock.calls.length).toBeGreaterThan(1);

    const beforeReports = changed.mock.calls.length;
    view.ownReportsChanged();
    expect(changed).toHaveBeenCalledTimes(beforeReports + 1);

    await replica.stop({ forget: true });
    expect(changed.mock.calls.length).toBeGreaterThan(beforeReports + 1);
    expect(await view.handlers['ui/team-lists']({ first: 12 })).toEqual({ connected: false });
  });
});
