// A client as the whole team sees it, from each member's summary of that
// client. Silence counts from the last contact with anyone on the team; a
// client waiting on one member is waiting on the team, with that member named,
// unless another member has written to the client since (the engine's own
// rule for one mailbox, waiting.ts, at team scale). The chance of going quiet
// is the one computed by the member with the freshest contact: a client quiet
// with one member but writing to another is as safe as that relationship.
import type { ClientSummary } from '@/lib/team/summary';

const DAY = 86_400_000;

export interface MemberSummaries {
  memberId: string;
  name: string;
  summaries: ReadonlyMap<string, ClientSummary>;
}

export interface MemberContact {
  memberId: string;
  name: string;
  lastInboundAt?: number;
  lastOutboundAt?: number;
}

export interface TeamWait {
  memberId: string;
  name: string;
  since: number;
}

export interface TeamClient {
  clientKey: string;
  name: string;
  tier?: ClientSummary['tier'];
  value?: number;
  lastContactAt: number;
  lastContactMemberId: string;
  /** Whole days since the last contact with anyone on the team. */
  silenceDays: number;
  /** The members the client waits on, longest wait first. */
  waitingOn: TeamWait[];
  /** Since when the client has left the team's message unanswered, if they have written to nobody since. */
  waitingOnClientSince?: number;
  /** The chance and reasons of the member with the freshest contact. */
  risk: ClientSummary['risk'];
  riskMemberId: string;
  /** Who talks to the client, the most recent first. */
  contacts: MemberContact[];
}

const lastContact = (s: ClientSummary) => Math.max(s.lastInboundAt ?? 0, s.lastOutboundAt ?? 0, s.firstContactAt);
const TIER_ORDER = { key: 0, standard: 1, minor: 2 } as const;

function merge(entries: { member: MemberSummaries; summary: ClientSummary }[], now: number): TeamClient {
  const byRecency = [...entries].sort(
    (a, b) => lastContact(b.summary) - lastContact(a.summary) || (a.member.memberId < b.member.memberId ? -1 : 1),
  );
  const freshest = byRecency[0] as (typeof entries)[number];
  const lastOutbound = Math.max(...entries.map((e) => e.summary.lastOutboundAt ?? -1));
  const lastInbound = Math.max(...entries.map((e) => e.summary.lastInboundAt ?? -1));
  const waitingOn = entries
    .flatMap(({ member, summary }) =>
      summary.waitingOnMemberSince !== undefined && summary.waitingOnMemberSince > lastOutbound
        ? [{ memberId: member.memberId, name: member.name, since: summary.waitingOnMemberSince }]
        : [],
    )
    .sort((a, b) => a.since - b.since);
  const onClient = entries
    .map((e) => e.summary.waitingOnClientSince)
    .filter((since): since is number => since !== undefined && since > lastInbound);
  const tiers = entries.map((e) => e.summary.tier).filter((t) => t !== undefined);
  const values = entries.map((e) => e.summary.value).filter((v) => v !== undefined);
  const lastContactAt = lastContact(freshest.summary);
  return {
    clientKey: freshest.summary.clientKey,
    name: freshest.summary.name,
    tier: tiers.sort((a, b) => TIER_ORDER[a] - TIER_ORDER[b])[0],
    value: values.length > 0 ? Math.max(...values) : undefined,
    lastContactAt,
    lastContactMemberId: freshest.member.memberId,
    silenceDays: Math.max(0, Math.floor((now - lastContactAt) / DAY)),
    waitingOn,
    waitingOnClientSince: onClient.length > 0 ? Math.min(...onClient) : undefined,
    risk: freshest.summary.risk,
    riskMemberId: freshest.member.memberId,
    contacts: byRecency.map(({ member, summary }) => ({
      memberId: member.memberId,
      name: member.name,
      lastInboundAt: summary.lastInboundAt,
      lastOutboundAt: summary.lastOutboundAt,
    })),
  };
}

/** Every client any member knows, merged across the team. */
export function teamClients(members: readonly MemberSummaries[], now: number): TeamClient[] {
  const byClient = new Map<string, { member: MemberSummaries; summary: ClientSummary }[]>();
  for (const member of members) {
    for (const [key, summary] of member.summaries)
      byClient.set(key, [...(byClient.get(key) ?? []), { member, summary }]);
  }
  return [...byClient.values()].map((entries) => merge(entries, now));
}
