import type { Socket } from 'node:net';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { type Connection, type Extension, Server } from '@hocuspocus/server';
import { documentName, parseDocumentName, ROSTER_MAP } from '../../lib/team/documents';
import type { TeamStore } from './team-store';

// The team server: Hocuspocus with our rules. A member connects with their
// token to their team's documents only; they write their own summaries
// document and the team's corrections, and read the others' documents. The
// roster, who is in the team, is written by the server from its database.

export interface TeamServerOptions {
  store: TeamStore;
  host: string;
  port: number;
  /** `redis://host:port` of the Redis that several instances share; absent for one instance. */
  redis?: string;
  /** Milliseconds of quiet after a change before a document is written to the database. */
  storeDelayMs?: number;
}

export interface MemberContext {
  memberId: string;
  teamId: string;
}

/** What a refusal tells the member's browser: the close code and reason Hocuspocus sends. */
const refused = (reason: string) => Object.assign(new Error(reason), { code: 4403, reason });

function access(store: TeamStore, token: string, name: string): MemberContext & { readOnly: boolean } {
  const ref = parseDocumentName(name);
  if (ref === undefined) throw refused('unknown-document');
  const member = store.memberByToken(token);
  // One answer for a wrong token, a revoked member and another team's document: none tells which.
  if (member === undefined || member.teamId !== ref.teamId) throw refused('not-a-member');
  const writable = (ref.kind === 'member' && ref.memberId === member.id) || ref.kind === 'team';
  return { memberId: member.id, teamId: member.teamId, readOnly: !writable };
}

function redisExtension(url: string): Extension {
  const { hostname, port } = new URL(url);
  return new Redis({ host: hostname, port: Number(port || 6379) });
}

export async function startTeamServer(options: TeamServerOptions): Promise<{ port: number; stop(): Promise<void> }> {
  const { store } = options;
  const rosterOf = (teamId: string) =>
    new Map(store.members(teamId).map((m) => [m.id, { name: m.name, revoked: m.revokedAt !== undefined }]));

  /** Brings a loaded roster in line with the database, writing only what changed. */
  const refreshRoster = async (teamId: string) => {
    const name = documentName({ teamId, kind: 'roster' });
    if (!server.hocuspocus.documents.has(name)) return;
    const connection = await server.hocuspocus.openDirectConnection(name);
    await connection.transact((doc) => fillRoster(doc.getMap(ROSTER_MAP), rosterOf(teamId)));
    await connection.disconnect();
  };

  const server = new Server<MemberContext>({
    address: options.host,
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDelayMs ?? 2000,
    async onAuthenticate({ token, documentName: name, connectionConfig }) {
      const { readOnly, ...context } = access(store, token, name);
      connectionConfig.readOnly = readOnly;
      // A member added or revoked since the roster was loaded shows at the next sign-in of anyone.
      await refreshRoster(context.teamId);
      return context;
    },
    // A member revoked while connected is cut off at their next message, or before the next change reaches them.
    async beforeHandleMessage({ context, connection }) {
      if (!context?.memberId || !store.isActive(context.memberId)) {
        cutOff(connection);
        throw refused('not-a-member');
      }
    },
    async connected({ connection }) {
      sendOnlyWhileActive(connection, (memberId) => store.isActive(memberId));
    },
    async onLoadDocument({ documentName: name, document }) {
      const ref = parseDocumentName(name);
      if (ref?.kind === 'roster') fillRoster(document.getMap(ROSTER_MAP), rosterOf(ref.teamId));
    },
    extensions: [
      new Database({
        // The roster is the database's own tables, never stored as a document.
        fetch: async ({ documentName: name }) => (isRoster(name) ? null : store.fetchDocument(name)),
        store: async ({ documentName: name, state }) => {
          if (!isRoster(name)) store.storeDocument(name, state);
        },
      }),
      ...(options.redis ? [redisExtension(options.redis)] : []),
    ],
  });
  // Upgraded sockets leave the HTTP server's hands: kept here, so a stop ends them as a process exit would.
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await server.listen();
  return {
    port: server.address.port,
    async stop() {
      await server.destroy();
      for (const socket of sockets) socket.destroy();
    },
  };
}

function isRoster(name: string): boolean {
  return parseDocumentName(name)?.kind === 'roster';
}

type RosterValue = { name: string; revoked: boolean };

function fillRoster(
  map: { get(k: string): unknown; set(k: string, v: RosterValue): void },
  roster: Map<string, RosterValue>,
) {
  for (const [id, entry] of roster) {
    const held = map.get(id) as RosterValue | undefined;
    if (held?.name !== entry.name || held?.revoked !== entry.revoked) map.set(id, entry);
  }
}

/**
 * Closes the member's whole socket, not one document: their browser then
 * reconnects, is refused at sign-in, and tells the member so.
 */
function cutOff(connection: Connection): void {
  connection.webSocket.close(4403, 'not-a-member');
}

/**
 * Revocation is written by the command line into the database, while the
 * member may be connected: every message to them is checked first, so a
 * colleague's change never reaches a revoked member's open connection.
 */
function sendOnlyWhileActive(connection: Connection<MemberContext>, isActive: (memberId: string) => boolean): void {
  const send = connection.send.bind(connection);
  connection.send = (message) => {
    if (isActive(connection.context.memberId)) send(message);
    else cutOff(connection);
  };
}
