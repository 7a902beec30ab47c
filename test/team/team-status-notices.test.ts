import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { freePort, makeTeam, member, removeTeam, serve, summary, type Team, until } from './harness';

// The options page shows the connection's state and whether sync is up to
// date, and learns of each change from the background's notice alone. The
// replica must therefore tell of every change of that status — connecting,
// up to date, syncing, offline, back, refused, revoked — and of nothing else.

let team: Team;
let port: number;
const running: { stop(): Promise<void> }[] = [];
const replicas: TeamReplica[] = [];

/** A member whose every status change is recorded as the options page would then read it. */
function watched(token: string) {
  const told: string[] = [];
  let replica: TeamReplica | undefined;
  replica = member(port, team, token, {
    localCopy: undefined,
    onStatusChange: () => {
      if (replica) told.push(`${replica.state().state} ${replica.synced() ? 'up to date' : 'syncing'}`);
    },
  });
  replicas.push(replica);
  return { replica, told, last: () => told.at(-1) };
}

async function startServer() {
  const server = await serve(team, port);
  running.push(server);
  return server;
}

beforeAll(async () => {
  team = await makeTeam(['Ann', 'Cat']);
  port = await freePort();
});

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  for (const server of running.splice(0)) await server.stop();
  if (team) await removeTeam(team);
});

describe('the team status notices', () => {
  it('tell each change: connected, syncing, up to date, offline, back, and revoked', async () => {
    let server = await startServer();
    const cat = watched(team.members[1]?.token ?? '');
    await until('Cat is up to date', () => cat.last() === 'connected up to date');

    // The member's own publish waits for the server, then is taken.
    const before = cat.told.length;
    cat.replica.publish([summary('cat-client.example', 30, Date.now())]);
    await until('Cat’s summary is taken', () => cat.told.length > before && cat.last() === 'connected up to date');
    expect(cat.told.slice(before)).toEqual(['connected syncing', 'connected up to date']);

    // The server goes away and comes back on the same address.
    await server.stop();
    running.splice(running.indexOf(server), 1);
    await until('Cat is told the server is gone', () => cat.last()?.startsWith('offline') === true, 10_000);
    server = await startServer();
    await until('Cat is back and up to date', () => cat.last() === 'connected up to date', 90_000);

    // Revoked while connected: cut off, then refused.
    const beforeRevoke = cat.told.length;
    team.store.revokeMember(team.teamId, team.members[1]?.id ?? '');
    const ann = member(port, team, team.members[0]?.token ?? '', { localCopy: undefined });
    replicas.push(ann);
    ann.publish([summary('ann-client.example', 30, Date.now())]);
    await until('Cat is refused', () => cat.last()?.startsWith('refused') === true, 90_000);
    expect(cat.told.slice(beforeRevoke).length).toBeGreaterThan(0);

    // Every notice is a change: never the same status told twice in a row.
    for (let i = 1; i < cat.told.length; i += 1) expect(cat.told[i]).not.toBe(cat.told[i - 1]);
    expect(new Set(cat.told.map((s) => s.split(' ')[0]))).toEqual(
      new Set(['connecting', 'connected', 'offline', 'refused']),
    );
  });

  it('tell a wrong token’s refusal', async () => {
    const wrong = watched(`${team.members[0]?.id}.not-the-secret-at-all`);
    await until('the wrong token is refused', () => wrong.last()?.startsWith('refused') === true);
  });
});
