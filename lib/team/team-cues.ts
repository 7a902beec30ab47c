import { DAY } from '@/lib/engine/business-hours';
import type { CueKind } from '@/lib/engine/cue-lexicon';
import { CUE_REASON_KINDS, type Risk, type RiskReason } from '@/lib/engine/risk-types';
import type { ClientSummary } from './summary';

// A complaint, a question about cancelling, price concerns or a mention of
// other providers, heard by any member, is a reason for the whole team. A
// colleague's summary carries each cue as its kind and numbers (how many days
// ago, how many times, whether they answered since), never the words: the team
// view shows it with the colleague named and without a quote. Like one's own,
// a cue is a reason to act now that does not move the chance.

type CueReason = Extract<RiskReason, { kind: CueKind }>;

interface Heard<M> {
  member: M;
  reason: CueReason;
}

/** The member's own reason, with the words they received, wins a tie: it says more. */
const sooner = <M>(a: Heard<M>, b: Heard<M>) =>
  a.reason.numbers.ageDays - b.reason.numbers.ageDays ||
  Number(a.reason.numbers.answered) - Number(b.reason.numbers.answered) ||
  b.reason.numbers.hits - a.reason.numbers.hits ||
  Number(b.reason.phrase !== undefined) - Number(a.reason.phrase !== undefined);

const VERBS: Record<CueKind, string> = {
  cancellation: 'asked about cancelling',
  competitor: 'mentioned other providers',
  complaint: 'complained',
  price: 'raised price concerns',
};

const isCue = (kind: string): kind is CueKind => (CUE_REASON_KINDS as readonly string[]).includes(kind);

/** A colleague's cue as a reason: its age counted to now, no words, no thread. */
function sharedReason(summary: ClientSummary, kind: CueKind, now: number): CueReason | undefined {
  const shared = summary.risk.reasons.find((r) => r.kind === kind);
  const { ageDays, hits, answered } = shared?.numbers ?? {};
  if (typeof ageDays !== 'number' || typeof hits !== 'number' || typeof answered !== 'boolean') return undefined;
  const age = Math.max(0, Math.floor((now - (summary.computedAt - ageDays * DAY)) / DAY));
  const count = Math.max(1, Math.round(hits));
  return {
    kind,
    weight: 0,
    urgent: true,
    text: `they ${VERBS[kind]} ${age === 0 ? 'today' : `${age} d ago`}${answered ? ' (answered since)' : ''}${count > 1 ? ` and ${count - 1} more times` : ''}`,
    numbers: { ageDays: age, hits: count, answered },
  };
}

/**
 * The team's risk with each kind of cue any member heard, the most recent one
 * of each kind (unanswered before answered), and the member who heard it.
 * `own` is the member whose own report the risk was computed from, when it was:
 * its cue reasons are theirs, and their summary is not read again.
 */
export function withTeamCues<M extends { memberId: string }>(
  risk: Risk,
  entries: readonly { member: M; summary: ClientSummary }[],
  own: M | undefined,
  now: number,
): { risk: Risk; members: Partial<Record<CueKind, M>> } {
  const best = new Map<CueKind, Heard<M>>();
  const hear = (heard: Heard<M>) => {
    const held = best.get(heard.reason.kind);
    if (!held || sooner(heard, held) < 0) best.set(heard.reason.kind, heard);
  };
  if (own !== undefined) {
    for (const reason of risk.reasons) if (isCue(reason.kind)) hear({ member: own, reason: reason as CueReason });
  }
  for (const { member, summary } of entries) {
    if (member.memberId === own?.memberId) continue;
    for (const kind of CUE_REASON_KINDS) {
      const reason = sharedReason(summary, kind, now);
      if (reason) hear({ member, reason });
    }
  }
  const members: Partial<Record<CueKind, M>> = {};
  for (const [kind, heard] of best) members[kind] = heard.member;
  const reasons = [...risk.reasons.filter((r) => !isCue(r.kind)), ...[...best.values()].map((h) => h.reason)].sort(
    (a, b) =>
      b.weight - a.weight ||
      Number(b.urgent ?? false) - Number(a.urgent ?? false) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
  return { risk: { ...risk, reasons }, members };
}
