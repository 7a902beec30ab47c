import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import { buildDashboard } from '@/lib/engine/dashboard';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { documentName, SUMMARIES_MAP } from '@/lib/team/documents';
import { teamDashboardClients } from '@/lib/team/team-dashboard';
import { teamScope } from '@/lib/team/team-scope';
import { freePort, makeTeam, member, removeTeam, serve, summary, type Team, until } from './harness';

// A fresh browser joining a team of many members, each with a few hundred
// clients already on the server: the replica must hold everyone's summaries
// and then say it is in step with the server, as the options page shows it.

const MEMBERS = 20;
const CLIENTS = 300;

let team: Team;
let port: number;
let replica: TeamReplica | undefined;
let server: { stop(): Promise<void> } | undefined;

beforeEach(async () => {
  team = await makeTeam([...Array.from({ length: MEMBERS }, (_, m) => `Member ${m}`), 'Newcomer']);
  port = await freePort();
  // Each member's document as their publishing leaves it, put straight in the server's database.
  for (const { id } of team.members.slice(0, MEMBERS)) {
    const doc = new Y.Doc();
    const map = doc.getMap(SUMMARIES_MAP);
    doc.transact(() => {
      for (let i = 0; i < CLIENTS; i++) map.set(`client${i}.example`, summary(`client${i}.example`, i % 100));
    });
    team.store.storeDocument(
      documentName({ teamId: team.teamId, kind: 'member', memberId: id }),
      Y.encodeStateAsUpdate(doc),
    );
    doc.destroy();
  }
});
const count = (replica: TeamReplica) => replica.view().members.reduce((n, m) => n + m.summaries.size, 0);

afterEach(async () => {
  await replica?.stop({ forget: true });
  await server?.stop();
  await removeTeam(team);
});

describe('a big team', () => {
  it('replicates every member into a fresh browser, which then says it is in step', async () => {
    server = await serve(team, port);
    const newcomer = team.members[MEMBERS] as Team['members'][0];
    replica = member(port, team, newcomer.token);
    const fresh = replica;
    await until('every summary arrived', () => count(fresh) === MEMBERS * CLIENTS, 30_000);
    await until('the replica says it is synced', () => fresh.synced(), 10_000);
    const view = fresh.view();
    expect(view.invalid).toBe(0);
    expect(view.members.filter((m) => m.summaries.size === CLIENTS)).toHaveLength(MEMBERS);
    // The summaries the view hands out are the replica's own, frozen: the team scope and the
    // dashboard read them without changing them.
    const now = Date.parse('2026-11-16T12:00:00Z');
    const population = { cadence: DEFAULT_CADENCE_PRIOR, ourReplyBusinessMs: {} };
    expect(teamScope({ view, population, now }).clients).toHaveLength(CLIENTS);
    expect(buildDashboard({ clients: teamDashboardClients(view, now), now, timeZone: 'UTC' }).months).toHaveLength(12);
  });

  it('says it is in step again when the browser comes back to its local copy', async () => {
    server = await serve(team, port);
    const newcomer = team.members[MEMBERS] as Team['members'][0];
    const first = member(port, team, newcomer.token, { profile: 'newcomer-browser' });
    replica = first;
    await until('every summary arrived', () => count(first) === MEMBERS * CLIENTS, 30_000);
    await until('the first visit is synced', () => first.synced(), 10_000);
    await first.stop();
    // Back later: each colleague's document opens once the roster names them, and its local copy
    // loads while the server's answer is on its way.
    const back = member(port, team, newcomer.token, { profile: 'newcomer-browser' });
    replica = back;
    await back.loaded();
    await until('every summary is there', () => count(back) === MEMBERS * CLIENTS, 30_000);
    await until('the replica says it is synced', () => back.synced(), 10_000);
    expect(back.view().invalid).toBe(0);
  });
});
