import type { CueKind } from '@/lib/engine/cue-lexicon';
import { byPriority } from '@/lib/engine/follow-up-urgency';
import { ACTIONABLE_WAIT_ON_US } from '@/lib/engine/risk-urgency';
import { DEFAULT_REPLY_MS, type WaitingPlace, weighFollowUp } from '@/lib/engine/waiting-order';
import type { ClientSummary } from './summary';

// Where a client stands in the team's "waiting on the team" list: weighed as
// each member's own "waiting on you" list weighs it (waiting-order.ts), from
// the open follow-ups their summary carries, recomputed as of now so members
// whose summaries were computed at different times compare fairly. A cue to
// acknowledge outranks a longer routine wait; a wait counts by how late it is
// against the member's usual reply time. A wait is listed only once it is late
// enough for the member's own list (its summary says so), never earlier. A
// summary that carries no follow-up for the wait (the member closed or snoozed
// it, or an older release shared none) is weighed from the wait's start, as
// the member's own list does.

export interface MemberRef {
  memberId: string;
  name: string;
  self: boolean;
}

/** The client's place in the team's waiting list, with the member it waits on (or who heard the cue). */
export interface TeamPlace extends MemberRef, WaitingPlace {
  /** When the wait began, or when the client sent the cue still to acknowledge. */
  since: number;
}

export interface PlaceInput {
  entries: readonly { member: MemberRef; summary: ClientSummary }[];
  /** The members' waits no member answered since (team-scope.ts). */
  waits: readonly (MemberRef & { since: number })[];
  /** Each member's last message to the client. */
  contacts: readonly (MemberRef & { lastOutboundAt?: number })[];
  /** What the client is worth against the account's others, as the team's risk weighs it. */
  valueFactor: number;
  now: number;
}

type Weighed = ReturnType<typeof weighFollowUp> & { since: number };

/**
 * Whether the member's own list holds the wait: their Keepwarm found it late
 * by its own rule (longer than their usual reply time to the client, in their
 * working hours, or their target) when it computed the summary, and it is not
 * yet too old to act on. Working hours and the target are the member's own and
 * not shared, so the reason the summary carries is what tells it; a wait not
 * late then joins the list with the member's next summary.
 */
function lateBy(summaries: readonly ClientSummary[], since: number, now: number): boolean {
  return (
    now - since <= ACTIONABLE_WAIT_ON_US &&
    summaries.some((s) => s.risk.reasons.some((r) => r.kind === 'waiting_on_us'))
  );
}

/** The most pressing follow-up of one member that the team still owes the client, or undefined. */
function memberPlace(member: MemberRef, input: PlaceInput): Weighed | undefined {
  const { valueFactor, now } = input;
  const summaries = input.entries.filter((e) => e.member.memberId === member.memberId).map((e) => e.summary);
  const wait = input.waits.find((w) => w.memberId === member.memberId);
  // A cue is owed until the member answers it, or a colleague writes to the client after it.
  const colleaguesLastOut = Math.max(
    Number.NEGATIVE_INFINITY,
    ...input.contacts.filter((c) => c.memberId !== member.memberId).map((c) => c.lastOutboundAt ?? 0),
  );
  const open = summaries.flatMap((s) => s.followUps).filter((f) => f.status === 'open');
  const acknowledgements = open.flatMap((f): Weighed[] =>
    f.kind === 'acknowledge' && f.dueAt > colleaguesLastOut
      ? [{ ...weighFollowUp('acknowledge', f.dueAt, valueFactor, now, f.cue), since: f.dueAt }]
      : [],
  );
  const late = wait !== undefined && lateBy(summaries, wait.since, now);
  // The member's own list holds the client for a late wait or a cue to acknowledge, placed by
  // the most pressing of both kinds, as waiting-order.ts places it.
  if (!late && acknowledgements.length === 0) return undefined;
  const replies = open.flatMap((f): Weighed[] =>
    f.kind === 'reply' && wait ? [{ ...weighFollowUp('reply', f.dueAt, valueFactor, now), since: wait.since }] : [],
  );
  const [best] = [...acknowledgements, ...replies].sort(byPriority);
  if (best) return best;
  if (!wait) return undefined;
  const usual = summaries.find((s) => s.replyTimes.member.medianMs !== undefined)?.replyTimes.member.medianMs;
  return { ...weighFollowUp('reply', wait.since + (usual ?? DEFAULT_REPLY_MS), valueFactor, now), since: wait.since };
}

/** The client's place in the team's waiting list, or undefined when nobody on the team owes it anything. */
export function teamPlace(input: PlaceInput): TeamPlace | undefined {
  const members = new Map(input.entries.map((e) => [e.member.memberId, e.member]));
  let best: { member: MemberRef; place: Weighed } | undefined;
  for (const member of members.values()) {
    const place = memberPlace(member, input);
    if (
      place &&
      (!best || byPriority({ ...place, key: member.memberId }, { ...best.place, key: best.member.memberId }) < 0)
    ) {
      best = { member, place };
    }
  }
  if (!best) return undefined;
  const { member, place } = best;
  const cue: CueKind | undefined = place.kind === 'acknowledge' ? place.cue : undefined;
  return {
    memberId: member.memberId,
    name: member.name,
    self: member.self,
    since: place.since,
    priority: place.priority,
    urgency: place.urgency,
    dueAt: place.dueAt,
    ...(cue && { cue }),
  };
}

/** The team's waiting list's order: most pressing first, then the earliest due, then by client key. */
export function byTeamPlace(
  a: { key: string; place: Pick<TeamPlace, 'priority' | 'urgency' | 'dueAt'> },
  b: { key: string; place: Pick<TeamPlace, 'priority' | 'urgency' | 'dueAt'> },
): number {
  return byPriority({ ...a.place, key: a.key }, { ...b.place, key: b.key });
}
