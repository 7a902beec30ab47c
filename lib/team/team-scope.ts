import { DAY } from '@/lib/engine/business-hours';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { assessRisk } from '@/lib/engine/risk';
import type { ReasonKind, Risk } from '@/lib/engine/risk-types';
import type { TeamView } from '@/lib/features/team/team-replica';
import { type Correction, type CorrectionField, type ResolvedField, resolveCorrections } from './corrections';
import type { ClientSummary } from './summary';
import { withTeamCues } from './team-cues';
import { metricsOfSummary, reasonNumber, type TeamContact, withTeamContact } from './team-metrics';
import { type MemberRef, type TeamPlace, teamPlace } from './team-waiting-order';

export type { MemberRef } from './team-waiting-order';

// The team's picture of each client, merged from every member's summary: the
// silence counts from the last contact with anyone on the team, a client
// waiting on any member waits on the team (with the member named), the chance
// of going quiet is the shipped model's on the team's contact, and the
// relationship has one owner. Pure: the replicated view, the member's own
// metrics, the account's population and the clock in; plain data out.

/** A summary computed longer ago than this says too little of today: shown nowhere, counted. */
export const STALE_AFTER_MS = 14 * DAY;
/** How far ahead of this browser's clock a colleague's may run before their times are not believed. */
const CLOCK_SKEW_MS = DAY;

/** One member's contact with the client. */
export interface MemberContact extends MemberRef {
  lastInboundAt?: number;
  lastOutboundAt?: number;
  /** The later of the two: when this member last had contact. */
  lastAt: number;
  waitingOnMemberSince?: number;
  /** This member's own chance, in percent. */
  chance: number;
}

export interface TeamWait extends MemberRef {
  since: number;
}

/**
 * Who owns the relationship and by which rule: a team correction names them,
 * or, without one, the member whose last two-way contact (both sides wrote) is
 * the most recent.
 */
export interface Owner extends MemberRef {
  rule: 'correction' | 'two-way-contact';
}

export interface TeamClient {
  key: string;
  name: string;
  kind: 'org' | 'person';
  tier?: ClientSummary['tier'];
  value?: number;
  /** Who talks to the client, the most recent contact first. */
  contacts: MemberContact[];
  /** Each member's wait no member answered since, the oldest first: the first one is the team's. */
  waits: TeamWait[];
  /** Its place in the team's waiting list (team-waiting-order.ts), when the team owes it a reply or an acknowledgement. */
  place?: TeamPlace;
  risk: Risk;
  /** The member a reason is about: who had the last exchange (silence), who is waited on, whose message waits. */
  reasonMembers: Partial<Record<ReasonKind, MemberRef>>;
  owner?: Owner;
  /** Team corrections of the owner the winning one overruled (shown beside it, never dropped silently). */
  ownerOverruled: number;
}

export interface TeamScope {
  clients: TeamClient[];
  /** Summaries left out: stale (computed over STALE_AFTER_MS ago), dated in the future, or failing validation. */
  ignored: { stale: number; future: number; invalid: number };
}

export interface TeamScopeInput {
  view: TeamView;
  /** The account whose population the team's chance is measured against (the member's own). */
  population: PopulationModel;
  /** The member's own metrics of a client, exact where the summary only approximates. */
  ownMetrics?: (clientKey: string) => ClientMetrics | undefined;
  now: number;
}

interface Entry {
  member: MemberRef;
  summary: ClientSummary;
}

const refOf = ({ memberId, name, self }: MemberRef): MemberRef => ({ memberId, name, self });
const lastAtOf = (s: ClientSummary) => Math.max(s.lastInboundAt ?? 0, s.lastOutboundAt ?? 0, s.firstContactAt);
const maxOf = (values: (number | undefined)[]) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};

function inFuture(s: ClientSummary, limit: number): boolean {
  return [s.computedAt, s.firstContactAt, s.lastInboundAt, s.lastOutboundAt, s.waitingOnMemberSince].some(
    (t) => t !== undefined && t > limit,
  );
}

/** Why a member's summary is left out of the team's picture: dated ahead of this clock, or a colleague's gone stale. */
export function leftOut(summary: ClientSummary, self: boolean, now: number): 'future' | 'stale' | undefined {
  if (inFuture(summary, now + CLOCK_SKEW_MS)) return 'future';
  if (!self && now - summary.computedAt > STALE_AFTER_MS) return 'stale';
  return undefined;
}

/** The valid, current summaries of the members still in the team, by team client key. */
function entriesByClient(view: TeamView, mergeInto: (key: string) => string, now: number) {
  const byClient = new Map<string, Entry[]>();
  const ignored = { stale: 0, future: 0, invalid: view.invalid };
  for (const member of view.members) {
    if (member.revoked) continue;
    for (const summary of member.summaries.values()) {
      const why = leftOut(summary, member.self, now);
      if (why) ignored[why] += 1;
      else {
        const key = mergeInto(summary.clientKey);
        byClient.set(key, [...(byClient.get(key) ?? []), { member: refOf(member), summary }]);
      }
    }
  }
  return { byClient, ignored };
}

/** A member may publish a client under two keys a correction merged: one contact, the latest of each. */
function contactsOf(entries: readonly Entry[]): MemberContact[] {
  const byMember = new Map<string, MemberContact>();
  for (const { member, summary } of entries) {
    const held = byMember.get(member.memberId);
    const lastInboundAt = maxOf([held?.lastInboundAt, summary.lastInboundAt]);
    const lastOutboundAt = maxOf([held?.lastOutboundAt, summary.lastOutboundAt]);
    const waits = [held?.waitingOnMemberSince, summary.waitingOnMemberSince].filter((t) => t !== undefined);
    byMember.set(member.memberId, {
      ...member,
      ...(lastInboundAt !== undefined && { lastInboundAt }),
      ...(lastOutboundAt !== undefined && { lastOutboundAt }),
      lastAt: Math.max(held?.lastAt ?? 0, lastAtOf(summary)),
      ...(waits.length > 0 && { waitingOnMemberSince: Math.min(...waits) }),
      chance: Math.max(held?.chance ?? 0, summary.risk.chance),
    });
  }
  return [...byMember.values()].sort((a, b) => b.lastAt - a.lastAt || (a.memberId < b.memberId ? -1 : 1));
}

/**
 * A wait on a member is the team's unless some member has written to the
 * client since it began: the rule a single mailbox applies across its threads
 * (waiting.ts), applied across the team.
 */
function teamWaits(contacts: readonly MemberContact[]): TeamWait[] {
  const lastOut = maxOf(contacts.map((c) => c.lastOutboundAt)) ?? Number.NEGATIVE_INFINITY;
  return contacts
    .filter((c) => c.waitingOnMemberSince !== undefined && c.waitingOnMemberSince > lastOut)
    .map((c) => ({ ...refOf(c), since: c.waitingOnMemberSince as number }))
    .sort((a, b) => a.since - b.since);
}

function ownerOf(
  contacts: readonly MemberContact[],
  corrected: { memberId: string | null; overruled: number } | undefined,
): { owner?: Owner; overruled: number } {
  const overruled = corrected?.overruled ?? 0;
  const named = corrected?.memberId ? contacts.find((c) => c.memberId === corrected.memberId) : undefined;
  if (named) return { owner: { ...refOf(named), rule: 'correction' }, overruled };
  const twoWay = (c: MemberContact) =>
    c.lastInboundAt !== undefined && c.lastOutboundAt !== undefined ? Math.min(c.lastInboundAt, c.lastOutboundAt) : -1;
  const best = contacts.reduce<MemberContact | undefined>(
    (top, c) => (twoWay(c) >= 0 && (top === undefined || twoWay(c) > twoWay(top)) ? c : top),
    undefined,
  );
  return best ? { owner: { ...refOf(best), rule: 'two-way-contact' }, overruled } : { overruled };
}

function reasonMembersOf(contacts: readonly MemberContact[], waits: readonly TeamWait[]) {
  const members: TeamClient['reasonMembers'] = {};
  const latest = contacts[0];
  if (latest) members.silence = refOf(latest);
  if (waits[0]) members.waiting_on_us = refOf(waits[0]);
  const lastIn = maxOf(contacts.map((c) => c.lastInboundAt)) ?? Number.NEGATIVE_INFINITY;
  const unanswered = contacts
    .filter((c) => (c.lastOutboundAt ?? Number.NEGATIVE_INFINITY) > lastIn)
    .sort((a, b) => (b.lastOutboundAt ?? 0) - (a.lastOutboundAt ?? 0))[0];
  if (unanswered) members.waiting_on_them = refOf(unanswered);
  return members;
}

type CorrectionValues = { [C in Correction as C['field']]: C['value'] };

/** The value a team correction set for this field (null: cleared), or undefined without one. */
function corrected<F extends CorrectionField>(
  fields: Map<CorrectionField, ResolvedField> | undefined,
  field: F,
): CorrectionValues[F] | undefined {
  const winner = fields?.get(field)?.winner;
  return winner?.field === field ? (winner.value as CorrectionValues[F]) : undefined;
}

function mergeClient(
  key: string,
  entries: readonly Entry[],
  input: TeamScopeInput,
  corrections: ReturnType<typeof resolveCorrections>,
): TeamClient {
  const { population, now } = input;
  const contacts = contactsOf(entries);
  const waits = teamWaits(contacts);
  const own = entries.some((e) => e.member.self) ? input.ownMetrics?.(key) : undefined;
  const newest = entries.reduce((a, b) => (lastAtOf(b.summary) > lastAtOf(a.summary) ? b : a));
  const base = own ?? metricsOfSummary(newest.summary, population, now);
  const summaries = entries.map((e) => e.summary);
  const lastInboundAt = maxOf(summaries.map((s) => s.lastInboundAt));
  const firstWait = waits[0];
  const waitedOn = firstWait && entries.find((e) => e.member.memberId === firstWait.memberId)?.summary;
  const onThem = summaries
    .map((s) => s.waitingOnClientSince)
    .filter((t): t is number => t !== undefined && t > (lastInboundAt ?? Number.NEGATIVE_INFINITY));
  const contact: TeamContact = {
    firstContactAt: Math.min(...summaries.map((s) => s.firstContactAt)),
    ...(lastInboundAt !== undefined && { lastInboundAt }),
    ...(maxOf(summaries.map((s) => s.lastOutboundAt)) !== undefined && {
      lastOutboundAt: maxOf(summaries.map((s) => s.lastOutboundAt)),
    }),
    ...(firstWait &&
      waitedOn && {
        waitingOnTeam: {
          since: firstWait.since,
          ...(!firstWait.self && {
            ours: waitedOn.replyTimes.member,
            businessMs: reasonNumber(waitedOn, 'waiting_on_us', 'waitingBusinessMs'),
          }),
        },
      }),
    ...(onThem.length > 0 && { waitingOnClientSince: Math.min(...onThem) }),
    contactDays: maxOf(summaries.map((s) => reasonNumber(s, 'few_contacts', 'contactDays'))) ?? 0,
    previous90: maxOf(summaries.map((s) => reasonNumber(s, 'declining', 'previous90'))) ?? 0,
    last30: maxOf(summaries.map((s) => reasonNumber(s, 'declining', 'last30'))) ?? 0,
  };
  const fields = corrections.get(key);
  const correctedTier = corrected(fields, 'tier');
  const correctedValue = corrected(fields, 'value');
  const tier = correctedTier === undefined ? newest.summary.tier : (correctedTier ?? undefined);
  const value = correctedValue === undefined ? newest.summary.value : (correctedValue ?? undefined);
  const { risk, members: cueMembers } = withTeamCues(
    assessRisk(
      withTeamContact(base, contact, now),
      { ...(tier && { tier }), ...(value !== undefined && { value }) },
      population,
      now,
    ),
    entries,
    own && entries.find((e) => e.member.self)?.member,
    now,
  );
  const ownerField = fields?.get('owner');
  const ownerId = corrected(fields, 'owner');
  const { owner, overruled } = ownerOf(
    contacts,
    ownerField && ownerId !== undefined ? { memberId: ownerId, overruled: ownerField.overruled.length } : undefined,
  );
  const name = corrected(fields, 'name');
  const place = teamPlace({ entries, waits, contacts, valueFactor: risk.valueFactor, now });
  return {
    key,
    name: name ?? newest.summary.name,
    kind: newest.summary.kind,
    ...(tier && { tier }),
    ...(value !== undefined && { value }),
    contacts,
    waits,
    ...(place && { place }),
    risk,
    reasonMembers: { ...reasonMembersOf(contacts, waits), ...cueMembers },
    ...(owner && { owner }),
    ownerOverruled: overruled,
  };
}

/** Every client any member of the team is in contact with, most at risk first. */
export function teamScope(input: TeamScopeInput): TeamScope {
  const corrections = resolveCorrections(input.view.corrections);
  // One level of merges: a chain would let two corrections point at each other.
  const mergeInto = (key: string) => {
    const target = corrected(corrections.get(key), 'mergeInto');
    return target && target !== key ? target : key;
  };
  const { byClient, ignored } = entriesByClient(input.view, mergeInto, input.now);
  const clients = [...byClient].map(([key, entries]) => mergeClient(key, entries, input, corrections));
  clients.sort((a, b) => b.risk.score - a.risk.score || (a.key < b.key ? -1 : 1));
  return { clients, ignored };
}
