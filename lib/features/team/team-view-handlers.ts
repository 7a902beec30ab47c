import { IndexeddbPersistence } from 'y-indexeddb';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import type { Translator } from '@/lib/i18n/translate';
import type { KeepwarmDb } from '@/lib/store/db';
import { teamDashboardClients } from '@/lib/team/team-dashboard';
import { type TeamScope, teamScope } from '@/lib/team/team-scope';
import type { LocalArea, TeamConnection } from './connection-settings';
import { type MergedScope, teamListHandlers } from './team-list-handlers';
import { createTeamReplica, type TeamReplica } from './team-replica';
import { type TeamDashboardReply, VIEW_SCOPE_KEY, type ViewScope, viewScopeSchema } from './team-view-messages';

// The background's side of the team view: it opens the replica for the team
// feature (so both read one copy), merges what it holds into the team scope
// on request, and keeps which scope the user chose. The scope is computed
// from the replica alone, IndexedDB included, so it answers offline too.

export interface TeamViewDeps {
  db: KeepwarmDb;
  local: LocalArea;
  /** The user's time zone, where the dashboard's months begin. */
  timeZone(): Promise<string>;
  now?(): number;
  /**
   * What the team's pages show may have changed: the replica, its connection or whether it is up
   * to date, or the member's own reports.
   */
  changed?(): void;
}

const lastContactOf = (m: ClientMetrics) => Math.max(m.lastInboundAt ?? 0, m.lastOutboundAt ?? 0, m.firstSeenAt);

/** A thread's badge with the team's chance and reasons, the members they are about named. */
function teamBadge(thread: ThreadRisk, client: TeamScope['clients'][number], t: Translator): ThreadRisk {
  const { risk } = client;
  const score = Math.round(risk.score);
  const levelText = t.t(`risk.${risk.level}`);
  const reasons = risk.reasons.slice(0, 3).map((reason) => {
    const member = client.reasonMembers[reason.kind];
    const text = reasonText(t, reason);
    return {
      kind: reason.kind,
      text: member ? t.t('team.reasonOf', { reason: text, member: member.name }) : text,
    };
  });
  const reasonsText = reasons.length > 0 ? reasons.map((r) => `${r.text}.`).join(' ') : t.t('badge.noReasons');
  return {
    ...thread,
    level: risk.level,
    score,
    levelText,
    scoreText: t.t('team.badgeScore', { score }),
    reasons,
    label: t.t('badge.label', {
      client: `\u2068${thread.name}\u2069`,
      level: levelText,
      score,
      reasons: reasonsText,
    }),
  };
}

/** The scope the user chose: their own until they pick the team's. */
async function chosenScope(local: LocalArea): Promise<ViewScope> {
  const parsed = viewScopeSchema.safeParse((await local.get(VIEW_SCOPE_KEY))[VIEW_SCOPE_KEY]);
  return parsed.success ? parsed.data : 'mine';
}

/** The member's own account to measure the team's chance against, and their own metrics of each client. */
async function ownSide(db: KeepwarmDb) {
  const accounts = await db.accounts.toArray();
  const population: PopulationModel = accounts.find((a) => a.population)?.population ?? {
    cadence: DEFAULT_CADENCE_PRIOR,
    ourReplyBusinessMs: {},
  };
  const metrics = new Map<string, ClientMetrics>();
  // With several accounts, the one in the latest contact, as the member's summary does.
  for (const { key, report } of await db.clients.toArray()) {
    const held = metrics.get(key);
    if (!held || lastContactOf(report.metrics) > lastContactOf(held)) metrics.set(key, report.metrics);
  }
  return { population, metrics };
}

export function createTeamView(deps: TeamViewDeps) {
  const now = deps.now ?? Date.now;
  let replica: TeamReplica | undefined;
  let changes = 0;
  let cached: MergedScope | undefined;
  const changed = () => {
    changes += 1;
    deps.changed?.();
  };

  const merge = async (): Promise<MergedScope | undefined> => {
    if (!replica) return undefined;
    const at = now();
    // A changed replica (a colleague's summary, or the member's own after a recompute) or a new minute recomputes.
    const version = `${changes}:${Math.floor(at / 60_000)}`;
    if (cached?.version === version) return cached;
    const { population, metrics } = await ownSide(deps.db);
    const scope = teamScope({ view: replica.view(), population, ownMetrics: (key) => metrics.get(key), now: at });
    cached = { version, scope, computedAt: at };
    return cached;
  };
  const scope = async () => (await merge())?.scope;

  return {
    /** Opens the replica the team feature asks for, and follows it until it stops. */
    openReplica(connection: TeamConnection): TeamReplica {
      const opened = createTeamReplica({
        ...connection,
        localCopy: (name, doc) => new IndexeddbPersistence(`keepwarm-team:${name}`, doc),
        onChange: changed,
        // The options page shows the connection and whether sync is up to date; the scope itself is unchanged.
        onStatusChange: () => deps.changed?.(),
      });
      replica = opened;
      cached = undefined;
      deps.changed?.();
      return {
        ...opened,
        stop: async (options?: { forget?: boolean }) => {
          if (replica === opened) replica = undefined;
          cached = undefined;
          await opened.stop(options);
          deps.changed?.();
        },
      };
    },

    /** The member's own reports changed: the team scope merges them again (nothing to do without a team). */
    ownReportsChanged(): void {
      if (replica) changed();
    },

    /**
     * The Gmail badges in the scope the user chose: with the team's, a thread's
     * client speaks with the team's chance and reasons, named members included.
     */
    async badgesInScope(threads: ThreadRisk[], t: Translator): Promise<ThreadRisk[]> {
      if ((await chosenScope(deps.local)) !== 'team') return threads;
      const merged = await scope();
      if (!merged) return threads;
      const byKey = new Map(merged.clients.map((c) => [c.key, c]));
      return threads.map((thread) => {
        const client = byKey.get(thread.clientKey);
        return client ? teamBadge(thread, client, t) : thread;
      });
    },

    handlers: {
      'ui/team-dashboard': async (): Promise<TeamDashboardReply> => {
        if (!replica) return { connected: false };
        const clients = teamDashboardClients(replica.view(), now());
        return { connected: true, timeZone: await deps.timeZone(), clients };
      },
      ...teamListHandlers(merge),
      'ui/set-view-scope': async ({ scope: chosen }: { scope: ViewScope }) => {
        await deps.local.set({ [VIEW_SCOPE_KEY]: chosen });
        return { saved: true as const };
      },
    },
  };
}
