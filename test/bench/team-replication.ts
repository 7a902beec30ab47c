import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { createTeamReplica } from '@/lib/features/team/team-replica';
import { documentName, SUMMARIES_MAP } from '@/lib/team/documents';
import type { ClientSummary } from '@/lib/team/summary';
import { startTeamServer } from '@/server/team/team-server';
import { openTeamStore, type TeamStore } from '@/server/team/team-store';
import type { Benchmark } from './benchmark';

// A fresh browser joining a big team: 20 members × 5,000 client summaries
// replicate into a new replica, in Node, through the real team server on
// loopback (Hocuspocus, SQLite), with the replica's local copy in y-indexeddb
// on fake-indexeddb, as the background keeps it. The members' documents are
// put in the server's database as their publishing leaves them. Baseline from
// the same run: one member's 5,000. Time until the replica's view holds every
// summary, and the process's JS heap at its highest meanwhile (server and
// replica share the process: it bounds what the replica holds), from a heap
// just collected.

const MEMBERS = 20;
const CLIENTS = 5000;
const DAY = 86_400_000;
const MB = 1024 * 1024;

// A full collection before measuring, so the team's setup garbage is not counted as the replica's.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** A summary as a member's Keepwarm publishes it, with a year's contact days and replies. */
function summaryOf(member: number, i: number, now: number): ClientSummary {
  const last = Math.floor((now - ((i * 7 + member) % 90) * DAY) / DAY) * DAY;
  const contactDays = Array.from({ length: 12 }, (_, k) => last - (11 - k) * 30 * DAY);
  return {
    clientKey: `client-${i}.example`,
    name: `Client ${i}`,
    kind: 'org',
    value: (i % 10) * 1000,
    firstContactAt: contactDays[0] as number,
    lastInboundAt: last,
    lastOutboundAt: last + 3_600_000,
    lastFrom: 'member',
    ...(i % 9 === member % 9 ? { waitingOnMemberSince: last } : {}),
    usualGapDays: 30,
    replyTimes: { member: { count: 12, medianMs: 7_200_000 }, client: { count: 11, medianMs: 20_000_000 } },
    risk: { chance: (i * 13) % 100, level: 'watch', reasons: [{ kind: 'silence', weight: 40, numbers: { days: 31 } }] },
    followUps: [],
    history: {
      contactDays,
      replies: contactDays.map((day) => ({ by: 'out' as const, day, wallMs: 7_200_000 })),
    },
    computedAt: now - 60_000,
  };
}

/** A team in the server's database: `members` who each published 5,000 summaries, and a newcomer's token. */
export function fillTeam(store: TeamStore, members: number, now: number) {
  const { id: teamId } = store.createTeam('Bench');
  const tokens: string[] = [];
  for (let m = 0; m < members; m++) {
    const { member, token } = store.addMember(teamId, `Member ${m}`);
    tokens.push(token);
    const doc = new Y.Doc();
    const map = doc.getMap(SUMMARIES_MAP);
    doc.transact(() => {
      for (let i = 0; i < CLIENTS; i++) map.set(`client-${i}.example`, summaryOf(m, i, now));
    });
    store.storeDocument(documentName({ teamId, kind: 'member', memberId: member.id }), Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
  // One more member, with nothing published yet: the fresh browser.
  const { token } = store.addMember(teamId, 'Newcomer');
  return { teamId, token };
}

/** A team of `members` × 5,000 summaries, and a newcomer's fresh replica filling up from it. */
async function replicate(members: number, run: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-team-'));
  const store = openTeamStore(path.join(dir, 'team.sqlite'));
  const server = await startTeamServer({ store, host: '127.0.0.1', port: 0 });
  try {
    const { teamId, token } = fillTeam(store, members, Date.now());
    const expected = members * CLIENTS;
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const start = performance.now();
    const replica = createTeamReplica({
      url: `ws://127.0.0.1:${server.port}`,
      teamId,
      token,
      WebSocket,
      localCopy: (name, doc) => new IndexeddbPersistence(`bench${run}:${name}`, doc),
    });
    const count = () => replica.view().members.reduce((n, m) => n + m.summaries.size, 0);
    // Asked once a second, as before the view kept its summaries checked: the time is to the second above.
    while (count() < expected) {
      if (performance.now() - start > 600_000) throw new Error(`only ${count()} of ${expected} after 10 min`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const replicatedMs = performance.now() - start;
    // Then until the replica says it is in step with the server (what the options page shows), or a minute more.
    while (!replica.synced() && performance.now() - start - replicatedMs < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const syncedMs = replica.synced() ? Math.round(performance.now() - start) : null;
    await replica.stop();
    clearInterval(sampler);
    return {
      summaries: expected,
      replicatedMs: Math.round(replicatedMs),
      syncedMs,
      heapPeakMb: Math.round(peak / MB),
      heapGrowthMb: Math.round((peak - heapBefore) / MB),
    };
  } finally {
    await server.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const teamReplication: Benchmark = {
  name: 'team-replication',
  async run({ scale }) {
    const members = Math.max(1, Math.round(MEMBERS * scale));
    const baseline = await replicate(1, 0);
    const team = await replicate(members, 1);
    return {
      where: 'Node, real team server on loopback, y-indexeddb on fake-indexeddb',
      baseline: { members: 1, ...baseline },
      team: { members, ...team },
      timeRatio: Math.round((team.replicatedMs / baseline.replicatedMs) * 100) / 100,
      perSummaryUs: Math.round((team.replicatedMs * 1000) / team.summaries),
    };
  },
};
