import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { MailMessage } from '@/lib/engine/types';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { summarizeClient } from '@/lib/team/summary';
import { DAY, HOUR, identity, ME, mail } from '../unit/engine/mail-builders';
import {
  freePort,
  makeTeam,
  member,
  removeTeam,
  serve as start,
  summariesSeen,
  summary,
  type Team,
  until,
} from './harness';

// The server going away and coming back, a member away for a while, and what
// the server's database ends up holding.

let team: Team;
let port: number;
const open: TeamReplica[] = [];
const running: { stop(): Promise<void> }[] = [];
/** A server this test stops, or afterEach does when the test failed first. */
const serve = async (team: Team, port: number) => {
  const server = await start(team, port);
  running.push(server);
  return server;
};
const connect = (token: string, profile?: string) => {
  const replica = member(port, team, token, { profile });
  open.push(replica);
  return replica;
};

beforeEach(async () => {
  team = await makeTeam(['Olena', 'Petro']);
  port = await freePort();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.stop({ forget: true })));
  for (const server of running.splice(0)) await server.stop();
  await removeTeam(team);
});

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `client${from + i}.example`);

describe('team sync faults', () => {
  it('loses and doubles nothing when the server stops mid-replication and comes back', async () => {
    const [olena, petro] = team.members as [Team['members'][0], Team['members'][0]];
    let server = await serve(team, port);
    const a = connect(olena.token);
    const b = connect(petro.token);
    await until('both have synced', () => a.synced() && b.synced());
    a.publish(keys(200).map((k) => summary(k)));
    a.correct({ clientKey: 'client1.example', field: 'name', value: 'Client One', by: olena.id, at: 1, basedOn: 0 });
    // Stopped while the 200 summaries are on their way.
    await server.stop();
    // Published while the server is away: sent once it is back.
    a.publish(keys(250).map((k) => summary(k, 40)));
    b.correct({ clientKey: 'client1.example', field: 'tier', value: 'key', by: petro.id, at: 2, basedOn: 0 });
    server = await serve(team, port);
    await until('Petro has all 250 of Olena’s clients', () => {
      const seen = summariesSeen(b, olena.id);
      return seen.size === 250 && [...seen.values()].every((s) => s.risk.chance === 40);
    });
    await until(
      'both corrections reached both',
      () => a.view().corrections.length === 2 && b.view().corrections.length === 2,
    );
    expect([...summariesSeen(b, olena.id).keys()].sort()).toEqual(keys(250).sort());
    expect(
      b
        .view()
        .corrections.map((c) => c.field)
        .sort(),
    ).toEqual(['name', 'tier']);
    // A new browser reads the same from the server's database after one more restart.
    await Promise.all(open.splice(0).map((r) => r.stop({ forget: true })));
    await server.stop();
    server = await serve(team, port);
    const fresh = connect(petro.token);
    await until('a fresh browser has all 250', () => summariesSeen(fresh, olena.id).size === 250);
    expect(fresh.view().corrections).toHaveLength(2);
    await server.stop();
  });

  it('lets a member away for a while catch up, and shows the last copy while offline', async () => {
    const [olena, petro] = team.members as [Team['members'][0], Team['members'][0]];
    const server = await serve(team, port);
    const a = connect(olena.token);
    let b = connect(petro.token, 'petro-browser');
    a.publish([summary('acme.example', 20)]);
    await until('Petro sees acme', () => summariesSeen(b, olena.id).has('acme.example'));
    await b.stop();
    open.splice(open.indexOf(b), 1);
    a.publish([summary('acme.example', 70), summary('globex.example', 10)]);
    await until('Olena’s changes are on the server', () => a.synced());
    // Back with no server reachable: the last replicated copy, from IndexedDB.
    const offline = member(await freePort(), team, petro.token, { profile: 'petro-browser' });
    await offline.loaded();
    await until('the offline copy shows acme', () => summariesSeen(offline, olena.id).has('acme.example'));
    expect(summariesSeen(offline, olena.id).get('acme.example')?.risk.chance).toBe(20);
    await offline.stop();
    b = connect(petro.token, 'petro-browser');
    await until('Petro caught up', () => summariesSeen(b, olena.id).get('acme.example')?.risk.chance === 70);
    expect([...summariesSeen(b, olena.id).keys()].sort()).toEqual(['acme.example', 'globex.example']);
    await server.stop();
  });

  it('stores no subject, snippet, body or address from the reports the summaries came from', async () => {
    const secret = 'Confidential-Q3-renegotiation';
    const messages: MailMessage[] = [];
    const now = Date.parse('2026-11-16T12:00:00Z');
    for (let i = 0; i < 8; i++) {
      const at = now - (120 - i * 14) * DAY;
      messages.push(
        mail({
          id: `in${i}`,
          threadId: `t${i}`,
          from: 'anna@acme.example',
          cc: ['auditor@bystander.example'],
          at,
          subject: `${secret} subject ${i}`,
          snippet: `${secret} snippet: unhappy with the price, considering a competitor`,
        }),
        mail({ id: `out${i}`, threadId: `t${i}`, from: ME, to: ['anna@acme.example'], at: at + 4 * HOUR }),
      );
    }
    const { clients } = analyzeAccount({ messages, identity, settings: { timeZone: 'UTC' }, now });
    const olena = team.members[0] as Team['members'][0];
    const server = await serve(team, port);
    const a = connect(olena.token);
    a.publish(clients.map((report) => summarizeClient(report, now)));
    await until('the summaries are on the server', () => a.synced());
    await server.stop();
    team.store.close();
    const bytes = Buffer.concat(
      await Promise.all([team.file, `${team.file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0)))),
    ).toString('latin1');
    expect(bytes).toContain('acme.example');
    for (const text of [secret, 'snippet', 'unhappy', 'anna@acme.example', 'auditor@', ME]) {
      expect(bytes).not.toContain(text);
    }
    // The harness closes the store again: open it for that.
    team.store = (await import('@/server/team/team-store')).openTeamStore(team.file);
  });
});
