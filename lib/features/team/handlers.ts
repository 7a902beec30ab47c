import { IndexeddbPersistence } from 'y-indexeddb';
import type { ClientHistory } from '@/lib/engine/client-history';
import { type ClientSummary, type SummarySource, summarizeClient, summaryHistory } from '@/lib/team/summary';
import {
  type LocalArea,
  permissionOrigin,
  readConnection,
  serverUrl,
  TEAM_CONNECTION_KEY,
  type TeamConnection,
} from './connection-settings';
import { memberIdOfToken } from './member-token';
import type { TeamStatus } from './messages';
import { createTeamReplica, type TeamReplica } from './team-replica';

// The background's side of team sync: connects when the user gave a server,
// publishes the member's summaries a moment after each recompute, answers the
// options page, and leaves. With no server configured it opens nothing at all.

/** Recomputes come in bursts (a page, then an import): publish once they settle. */
const PUBLISH_DELAY_MS = 2000;
/** How long leaving waits for the server to take the emptied document before going on without it. */
const DELETE_WAIT_MS = 10_000;
/**
 * How long connecting waits for the local copies before going on from the
 * server alone: a copy the browser cannot open (its database half deleted, say)
 * must not hold the connection, and the options page's answer, for ever.
 */
const LOCAL_COPY_WAIT_MS = 10_000;

/** What `work` settles to, or `otherwise` once `ms` have passed without it. */
async function within<T>(work: Promise<T>, ms: number, otherwise: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(otherwise), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface TeamDeps {
  local: LocalArea;
  /** Every stored client report, of every account. */
  reports(): Promise<SummarySource[]>;
  /** Every client's history, of every account (one entry per account a client is in); none: summaries carry none. */
  histories?(now: number): Promise<ClientHistory[]>;
  hasPermission(origin: string): Promise<boolean>;
  openReplica?(connection: TeamConnection): TeamReplica;
  /** Told when a team gets connected (true) or left (false): the background keeps itself awake meanwhile. */
  keepAwake?(connected: boolean): unknown;
  now?(): number;
}

function openReplica(connection: TeamConnection): TeamReplica {
  return createTeamReplica({
    ...connection,
    localCopy: (name, doc) => new IndexeddbPersistence(`keepwarm-team:${name}`, doc),
  });
}

/** Each client's history over every account: their contact in any of them, and every reply. */
function historiesByKey(
  histories: readonly ClientHistory[],
): Map<string, Pick<ClientHistory, 'theirContactAt' | 'replies'>> {
  const byKey = new Map<string, Pick<ClientHistory, 'theirContactAt' | 'replies'>>();
  for (const h of histories) {
    const held = byKey.get(h.key);
    byKey.set(
      h.key,
      held
        ? {
            theirContactAt: [...held.theirContactAt, ...h.theirContactAt],
            replies: [...held.replies, ...h.replies].sort((a, b) => a.at - b.at),
          }
        : h,
    );
  }
  return byKey;
}

/** One summary per client: with several accounts, the one whose contact is most recent, with the history of all. */
export function summariesOf(
  reports: readonly SummarySource[],
  now: number,
  histories: readonly ClientHistory[] = [],
): ClientSummary[] {
  const latest = (s: ClientSummary) => Math.max(s.lastInboundAt ?? 0, s.lastOutboundAt ?? 0, s.firstContactAt);
  const history = historiesByKey(histories);
  const byKey = new Map<string, ClientSummary>();
  for (const report of reports) {
    const known = history.get(report.key);
    const summary = summarizeClient(report, now, known && summaryHistory(known));
    const held = byKey.get(summary.clientKey);
    if (!held || latest(summary) > latest(held)) byKey.set(summary.clientKey, summary);
  }
  return [...byKey.values()];
}

export function createTeamFeature(deps: TeamDeps) {
  const open = deps.openReplica ?? openReplica;
  const now = deps.now ?? Date.now;
  let replica: TeamReplica | undefined;
  let connection: TeamConnection | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publishNow = async () => {
    if (!replica) return;
    const at = now();
    replica.publish(summariesOf(await deps.reports(), at, (await deps.histories?.(at)) ?? []));
  };
  const connect = async (next: TeamConnection) => {
    await replica?.stop();
    connection = next;
    replica = open(next);
    deps.keepAwake?.(true);
    await within(replica.loaded(), LOCAL_COPY_WAIT_MS, undefined);
    await publishNow();
  };

  const status = (): TeamStatus => {
    if (!replica || !connection) return { connected: false, synced: false, members: [], invalid: 0 };
    const view = replica.view();
    return {
      connected: true,
      url: connection.url,
      teamId: connection.teamId,
      state: replica.state().state,
      synced: replica.synced(),
      members: view.members.map((m) => ({ name: m.name, self: m.self, revoked: m.revoked, clients: m.summaries.size })),
      invalid: view.invalid,
    };
  };

  let started: Promise<void> | undefined;

  return {
    /**
     * Reconnects to the configured server, if any: a browser without one makes
     * no request. Once: the start of the background and its keep-awake alarm
     * (which may be what woke it) both ask.
     */
    start(): Promise<void> {
      started ??= readConnection(deps.local)
        .then((stored) => (stored ? connect(stored) : undefined))
        .catch((error: unknown) => {
          // The next alarm, or the next start, tries again.
          started = undefined;
          throw error;
        });
      return started;
    },

    /** Called after every recompute; cheap when no team is configured. */
    publishSoon(): void {
      if (!replica) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        publishNow().catch((error: unknown) => console.error('Keepwarm: could not publish to the team', error));
      }, PUBLISH_DELAY_MS);
    },

    handlers: {
      'ui/team-connect': async ({ address, teamId, token }: { address: string; teamId: string; token: string }) => {
        const url = serverUrl(address);
        if (url === undefined) return { problem: 'address' as const };
        if (memberIdOfToken(token) === undefined) return { problem: 'token' as const };
        // The page asked the browser for this host within the user's click; without it, nothing connects.
        if (!(await deps.hasPermission(permissionOrigin(url)))) return { problem: 'permission' as const };
        const next = { url, teamId, token };
        await deps.local.set({ [TEAM_CONNECTION_KEY]: next });
        await connect(next);
        return { connected: true as const };
      },
      'ui/team-status': async () => status(),
      'ui/team-leave': async ({ deleteOwnDocument }: { deleteOwnDocument: boolean }) => {
        clearTimeout(timer);
        let deletedOnServer = false;
        if (replica && deleteOwnDocument) {
          deletedOnServer = await within(
            replica.deleteOwnDocument().then(() => true),
            DELETE_WAIT_MS,
            false,
          );
        }
        await replica?.stop({ forget: true });
        replica = undefined;
        connection = undefined;
        await deps.local.remove(TEAM_CONNECTION_KEY);
        deps.keepAwake?.(false);
        return { left: true as const, deletedOnServer };
      },
    },
  };
}
