import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { startTeamServer } from '@/server/team/team-server';
import { openTeamStore } from '@/server/team/team-store';
import {
  freePort,
  makeTeam,
  member,
  removeTeam,
  startRedis,
  summariesSeen,
  summary,
  type Team,
  until,
} from './harness';

// Two instances of the server, as a team runs them behind one address when one
// is not enough: each with its own connection to the shared database, their
// documents kept in step through Redis. One member on each.

let team: Team;
let redis: Awaited<ReturnType<typeof startRedis>>;
const stops: (() => Promise<void>)[] = [];
const open: TeamReplica[] = [];

beforeAll(async () => {
  team = await makeTeam(['Olena', 'Petro']);
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((r) => r.stop({ forget: true })));
  for (const stop of stops) await stop();
  await redis.stop();
  await removeTeam(team);
});

describe('two server instances through Redis', () => {
  it('shows each member what the other published on the other instance', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const store = openTeamStore(team.file);
      const server = await startTeamServer({
        store,
        host: '127.0.0.1',
        port: await freePort(),
        redis: redis.url,
        storeDelayMs: 100,
      });
      stops.push(async () => {
        await server.stop();
        store.close();
      });
      ports.push(server.port);
    }
    const [olena, petro] = team.members as [Team['members'][0], Team['members'][0]];
    const a = member(ports[0] as number, team, olena.token);
    const b = member(ports[1] as number, team, petro.token);
    open.push(a, b);
    await until('both have synced', () => a.synced() && b.synced());
    a.publish([summary('acme.example', 20)]);
    b.publish([summary('globex.example', 80)]);
    await until('Petro, on the second instance, sees Olena’s client', () =>
      summariesSeen(b, olena.id).has('acme.example'),
    );
    await until('Olena, on the first instance, sees Petro’s client', () =>
      summariesSeen(a, petro.id).has('globex.example'),
    );
    expect(summariesSeen(a, petro.id).get('globex.example')?.risk.chance).toBe(80);
    a.publish([summary('acme.example', 55)]);
    await until('a change follows', () => summariesSeen(b, olena.id).get('acme.example')?.risk.chance === 55);
  });
});
