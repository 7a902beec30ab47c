import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createTeamReplica, type ReplicaOptions, type TeamReplica } from '@/lib/features/team/team-replica';
import type { ClientSummary } from '@/lib/team/summary';
import { startTeamServer } from '@/server/team/team-server';
import { openTeamStore, type TeamStore } from '@/server/team/team-store';
import { freePort, summary } from './team-fixtures';

export { freePort, summary };

// The team server as a team runs it, on loopback with a database in a
// temporary folder, and members connecting through the extension's own
// replication core (with Node's WebSocket and a fake IndexedDB).

export interface Team {
  dir: string;
  file: string;
  store: TeamStore;
  teamId: string;
  members: { id: string; name: string; token: string }[];
}

export async function makeTeam(names: string[]): Promise<Team> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keepwarm-team-'));
  const file = path.join(dir, 'team.sqlite');
  const store = openTeamStore(file);
  const { id: teamId } = store.createTeam('Studio');
  const members = names.map((name) => {
    const { member, token } = store.addMember(teamId, name);
    return { id: member.id, name, token };
  });
  return { dir, file, store, teamId, members };
}

export async function removeTeam(team: Team): Promise<void> {
  team.store.close();
  await rm(team.dir, { recursive: true, force: true });
}

export function serve(team: Team, port: number, redis?: string) {
  return startTeamServer({ store: team.store, host: '127.0.0.1', port, redis, storeDelayMs: 100 });
}

let copies = 0;

/** A member's browser: the replica the background runs, with its local copies in (fake) IndexedDB. */
export function member(
  port: number,
  team: Team,
  token: string,
  options: Partial<ReplicaOptions> & { profile?: string } = {},
): TeamReplica {
  const profile = options.profile ?? `profile${++copies}`;
  return createTeamReplica({
    url: `ws://127.0.0.1:${port}`,
    teamId: team.teamId,
    token,
    WebSocket,
    localCopy: (name, doc) => new IndexeddbPersistence(`${profile}:${name}`, doc),
    ...options,
  });
}

/** Waits for a condition to hold; fails with `what` when it never does. */
export async function until(what: string, holds: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!holds()) {
    if (Date.now() > end) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function summariesSeen(replica: TeamReplica, memberId: string): Map<string, ClientSummary> {
  return replica.view().members.find((m) => m.memberId === memberId)?.summaries ?? new Map();
}

/** A Redis on a free loopback port, with nothing saved to disk. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`redis-server did not start (apt-get install redis-server): ${error.message}`)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
