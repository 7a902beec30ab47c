import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverUrl, TEAM_CONNECTION_KEY, type TeamConnection } from '@/lib/features/team/connection-settings';
import { createTeamFeature } from '@/lib/features/team/handlers';
import type { TeamReplica } from '@/lib/features/team/team-replica';

function memoryArea(initial: Record<string, unknown> = {}) {
  const items = { ...initial };
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (more: Record<string, unknown>) => void Object.assign(items, more),
    remove: async (key: string) => void delete items[key],
  };
}

const TOKEN = 'abc123def.secretsecretsecret';
const connection: TeamConnection = { url: 'wss://team.example.com', teamId: 'team0001', token: TOKEN };

describe('team feature without a server', () => {
  const sockets = vi.fn();
  const fetches = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('WebSocket', sockets);
    vi.stubGlobal('fetch', fetches);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('makes no request at all, even after recomputes', async () => {
    vi.useFakeTimers();
    const reports = vi.fn(async () => []);
    const team = createTeamFeature({ local: memoryArea(), reports, hasPermission: async () => true });
    await team.start();
    team.publishSoon();
    await vi.runAllTimersAsync();
    expect(await team.handlers['ui/team-status']()).toEqual({
      connected: false,
      synced: false,
      members: [],
      invalid: 0,
    });
    expect(sockets).not.toHaveBeenCalled();
    expect(fetches).not.toHaveBeenCalled();
    expect(reports).not.toHaveBeenCalled();
  });

  it('takes a stored connection that fails its checks for none', async () => {
    const openReplica = vi.fn();
    const local = memoryArea({ [TEAM_CONNECTION_KEY]: { ...connection, url: 'ws://team.example.com' } });
    await createTeamFeature({ local, reports: async () => [], hasPermission: async () => true, openReplica }).start();
    expect(openReplica).not.toHaveBeenCalled();
  });
});

describe('connecting and leaving', () => {
  function fakeReplica() {
    return {
      loaded: vi.fn(async () => undefined),
      publish: vi.fn(),
      stop: vi.fn(async () => undefined),
      deleteOwnDocument: vi.fn(async () => undefined),
      state: () => ({ state: 'connected' as const }),
      synced: () => true,
      view: () => ({ members: [], corrections: [], invalid: 0 }),
    } as unknown as TeamReplica & { stop: ReturnType<typeof vi.fn>; deleteOwnDocument: ReturnType<typeof vi.fn> };
  }

  it('refuses plain ws:// to another machine, and a host the browser did not grant', async () => {
    const openReplica = vi.fn(fakeReplica);
    const local = memoryArea();
    const granted = new Set<string>();
    const team = createTeamFeature({
      local,
      reports: async () => [],
      hasPermission: async (o) => granted.has(o),
      openReplica,
    });
    const connect = team.handlers['ui/team-connect'];
    expect(await connect({ address: 'ws://team.example.com', teamId: 'team0001', token: TOKEN })).toEqual({
      problem: 'address',
    });
    expect(await connect({ address: 'wss://team.example.com', teamId: 'team0001', token: 'nodot' })).toEqual({
      problem: 'token',
    });
    expect(await connect({ address: 'wss://team.example.com', teamId: 'team0001', token: TOKEN })).toEqual({
      problem: 'permission',
    });
    expect(openReplica).not.toHaveBeenCalled();
    expect(local.items).toEqual({});
    granted.add('https://team.example.com/*');
    expect(await connect({ address: 'https://team.example.com/', teamId: 'team0001', token: TOKEN })).toEqual({
      connected: true,
    });
    expect(openReplica).toHaveBeenCalledWith(connection);
    expect(local.items[TEAM_CONNECTION_KEY]).toEqual(connection);
    expect(JSON.stringify(await team.handlers['ui/team-status']())).not.toContain('secret');
  });

  it('connects from the server alone when a local copy never finishes loading', async () => {
    vi.useFakeTimers();
    const stuck = { ...fakeReplica(), loaded: () => new Promise<void>(() => undefined) } as unknown as TeamReplica;
    const local = memoryArea();
    const team = createTeamFeature({
      local,
      reports: async () => [],
      hasPermission: async () => true,
      openReplica: () => stuck,
    });
    let answer: unknown;
    void team.handlers['ui/team-connect']({ address: connection.url, teamId: connection.teamId, token: TOKEN }).then(
      (reply) => (answer = reply),
    );
    await vi.advanceTimersByTimeAsync(9_000);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(answer).toEqual({ connected: true });
    expect((await team.handlers['ui/team-status']()).connected).toBe(true);
    vi.useRealTimers();
  });

  it('leaving stops sync, forgets the local copies and the connection, and empties the own document when asked', async () => {
    const replica = fakeReplica();
    const local = memoryArea({ [TEAM_CONNECTION_KEY]: connection });
    const team = createTeamFeature({
      local,
      reports: async () => [],
      hasPermission: async () => true,
      openReplica: () => replica,
    });
    await team.start();
    expect(await team.handlers['ui/team-leave']({ deleteOwnDocument: true })).toEqual({
      left: true,
      deletedOnServer: true,
    });
    expect(replica.deleteOwnDocument).toHaveBeenCalled();
    expect(replica.stop).toHaveBeenCalledWith({ forget: true });
    expect(local.items).toEqual({});
    expect((await team.handlers['ui/team-status']()).connected).toBe(false);
  });

  it('keeps the background awake while connected, and connects once however often it is started', async () => {
    const openReplica = vi.fn(fakeReplica);
    const keepAwake = vi.fn();
    const team = createTeamFeature({
      local: memoryArea({ [TEAM_CONNECTION_KEY]: connection }),
      reports: async () => [],
      hasPermission: async () => true,
      openReplica,
      keepAwake,
    });
    // The background's start and its keep-awake alarm both start it.
    await Promise.all([team.start(), team.start()]);
    await team.start();
    expect(openReplica).toHaveBeenCalledTimes(1);
    expect(keepAwake.mock.calls).toEqual([[true]]);
    await team.handlers['ui/team-leave']({ deleteOwnDocument: false });
    expect(keepAwake.mock.calls).toEqual([[true], [false]]);
  });

  it('without a stored connection neither connects nor keeps the background awake', async () => {
    const openReplica = vi.fn(fakeReplica);
    const keepAwake = vi.fn();
    const team = createTeamFeature({
      local: memoryArea(),
      reports: async () => [],
      hasPermission: async () => true,
      openReplica,
      keepAwake,
    });
    await team.start();
    expect(openReplica).not.toHaveBeenCalled();
    expect(keepAwake).not.toHaveBeenCalled();
  });
});

describe('serverUrl', () => {
  it('wants wss:// except on this machine', () => {
    expect(serverUrl('wss://team.example.com/sync')).toBe('wss://team.example.com/sync');
    expect(serverUrl('https://team.example.com')).toBe('wss://team.example.com');
    expect(serverUrl('ws://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787');
    expect(serverUrl('http://localhost:8787')).toBe('ws://localhost:8787');
    expect(serverUrl('ws://192.168.1.5:8787')).toBeUndefined();
    expect(serverUrl('http://team.example.com')).toBeUndefined();
    expect(serverUrl('wss://user:pw@team.example.com')).toBeUndefined();
    expect(serverUrl('not a url')).toBeUndefined();
  });
});
