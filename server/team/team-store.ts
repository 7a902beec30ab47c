import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

// The team server's own database: teams, their members with a hash of each
// member's token (the token itself is shown once, when the member is added,
// and never stored), and the Yjs state of every document. SQLite in WAL mode,
// so several server instances on one machine can share the file.

export interface Member {
  id: string;
  teamId: string;
  name: string;
  createdAt: number;
  revokedAt?: number;
}

interface MemberRow {
  id: string;
  team_id: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL);
`;

/** Lower-case letters and digits only: ids appear in document names (lib/team/documents.ts). */
function newId(): string {
  return BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(13, '0');
}

/** Tokens are 32 random bytes: a plain SHA-256 is enough to store them, no password stretching is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function member(row: MemberRow): Member {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

export type TeamStore = ReturnType<typeof openTeamStore>;

export function openTeamStore(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Another instance may hold the write lock for a moment: wait for it rather than fail.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const statements = {
    team: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM teams WHERE id = ?'),
    addTeam: db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)'),
    addMember: db.prepare('INSERT INTO members (id, team_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    members: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE team_id = ? ORDER BY created_at, id'),
    byToken: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ?'),
    byId: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?'),
    revoke: db.prepare('UPDATE members SET revoked_at = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL'),
    fetch: db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
    store: db.prepare(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    ),
  };

  return {
    createTeam(name: string, now = Date.now()): { id: string; name: string } {
      const id = newId();
      statements.addTeam.run(id, name, now);
      return { id, name };
    },
    team(id: string) {
      return statements.team.get(id);
    },
    /** Adds a member and returns their token: the only time it exists outside the member's hands. */
    addMember(teamId: string, name: string, now = Date.now()): { member: Member; token: string } {
      if (!statements.team.get(teamId)) throw new Error(`No team ${teamId}`);
      const id = newId();
      // The member's id leads the token, so their browser knows which document is theirs to write.
      const token = `${id}.${randomBytes(32).toString('base64url')}`;
      statements.addMember.run(id, teamId, name, hashToken(token), now);
      return { member: { id, teamId, name, createdAt: now }, token };
    },
    members(teamId: string): Member[] {
      return statements.members.all(teamId).map(member);
    },
    /** True when the member was active and is revoked now. */
    revokeMember(teamId: string, memberId: string, now = Date.now()): boolean {
      return statements.revoke.run(now, memberId, teamId).changes === 1;
    },
    /** The active member a token belongs to. */
    memberByToken(token: string): Member | undefined {
      const row = statements.byToken.get(hashToken(token));
      return row && row.revoked_at === null ? member(row) : undefined;
    },
    isActive(memberId: string): boolean {
      const row = statements.byId.get(memberId);
      return row !== undefined && row.revoked_at === null;
    },
    fetchDocument(name: string): Uint8Array | null {
      const row = statements.fetch.get(name);
      return row ? new Uint8Array(row.state) : null;
    },
    storeDocument(name: string, state: Uint8Array, now = Date.now()): void {
      statements.store.run(name, Buffer.from(state), now);
    },
    close(): void {
      db.close();
    },
  };
}
