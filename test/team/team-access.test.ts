import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { TeamReplica } from '@/lib/features/team/team-replica';
import { documentName, SUMMARIES_MAP } from '@/lib/team/documents';
import { freePort, makeTeam, member, removeTeam, serve, summariesSeen, summary, type Team, until } from './harness';

// Who may read and write what, on the real server with real tokens.

let team: Team;
let port: number;
let server: Awaited<ReturnType<typeof serve>>;
const open: TeamReplica[] = [];
const connect = (token: string) => {
  const replica = member(port, team, token);
  open.push(replica);
  return replica;
};

beforeAll(async () => {
  team = await makeTeam(['Olena', 'Petro', 'Ivan']);
  port = await freePort();
  server = await serve(team, port);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.stop({ forget: true })));
});
afterAll(async () => {
  await server.stop();
  await removeTeam(team);
});

describe('team server access', () => {
  it('lets two members see each other’s summaries', async () => {
    const [olena, petro] = team.members as [Team['members'][0], Team['members'][0]];
    const a = connect(olena.token);
    const b = connect(petro.token);
    a.publish([summary('acme.example')]);
    b.publish([summary('globex.example', 60)]);
    await until('Petro sees Olena’s client', () => summariesSeen(b, olena.id).has('acme.example'));
    await until('Olena sees Petro’s client', () => summariesSeen(a, petro.id).has('globex.example'));
    expect(summariesSeen(a, petro.id).get('globex.example')).toEqual(summary('globex.example', 60));
    expect(a.view().members.find((m) => m.memberId === petro.id)?.name).toBe('Petro');
    expect(a.view().invalid).toBe(0);
  });

  it('refuses a wrong token and shows it nothing', async () => {
    const olena = team.members[0] as Team['members'][0];
    const wrong = connect(`${olena.id}.not-the-secret`);
    await until('the wrong token is refused', () => wrong.state().state === 'refused');
    expect(wrong.view().members.every((m) => m.summaries.size === 0)).toBe(true);
  });

  it('refuses a member of another team', async () => {
    const other = team.store.createTeam('Elsewhere');
    const { token } = team.store.addMember(other.id, 'Stranger');
    // The stranger's token, aimed at this team's documents.
    const stranger = member(port, team, token);
    open.push(stranger);
    await until('the stranger is refused', () => stranger.state().state === 'refused');
    expect(stranger.view().members.every((m) => m.summaries.size === 0)).toBe(true);
  });

  it('refuses a revoked member, and cuts one off who was connected', async () => {
    const ivan = team.members[2] as Team['members'][0];
    const connected = connect(ivan.token);
    await until('Ivan is connected', () => connected.synced());
    team.store.revokeMember(team.teamId, ivan.id);
    connected.publish([summary('after-revoke.example')]);
    const again = connect(ivan.token);
    await until('Ivan is refused', () => again.state().state === 'refused');
    const olena = connect((team.members[0] as Team['members'][0]).token);
    await until('Olena has synced', () => olena.synced());
    await until('the roster says Ivan is revoked', () =>
      olena.view().members.some((m) => m.memberId === ivan.id && m.revoked),
    );
    expect(summariesSeen(olena, ivan.id).has('after-revoke.example')).toBe(false);
  });

  it('sends a member revoked while connected no colleague’s change, and tells their browser', async () => {
    const olena = team.members[0] as Team['members'][0];
    // A member connected and reading, with nothing of her own to send.
    const { member: rita, token } = team.store.addMember(team.teamId, 'Rita');
    const writer = connect(olena.token);
    const reader = connect(token);
    writer.publish([summary('before.example')]);
    await until('Rita reads Olena’s client', () => summariesSeen(reader, olena.id).has('before.example'));
    team.store.revokeMember(team.teamId, rita.id);
    // Rita sends nothing: only the server's check of what goes out can keep the change from her.
    writer.publish([summary('before.example'), summary('after.example')]);
    await until('Olena’s change is on the server', () => writer.synced());
    await until('Rita is told she is refused', () => reader.state().state === 'refused');
    expect(summariesSeen(reader, olena.id).has('after.example')).toBe(false);
  });

  it('keeps a member from writing another member’s document', async () => {
    const [olena, petro] = team.members as [Team['members'][0], Team['members'][0]];
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
    const forger = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName({ teamId: team.teamId, kind: 'member', memberId: petro.id }),
      document: doc,
      token: olena.token,
    });
    forger.attach();
    await until('the forger has Petro’s document', () => forger.isSynced);
    doc.getMap(SUMMARIES_MAP).set('forged.example', summary('forged.example', 99));
    // The server answers the write with a refusal and applies nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reader = connect(petro.token);
    await until('Petro has synced', () => reader.synced());
    expect(summariesSeen(reader, petro.id).has('forged.example')).toBe(false);
    forger.destroy();
    socket.destroy();
  });
});
