// Where a waiting client stands in the popup's lists: the urgency × value of
// the follow-up its wait asks for, weighed by follow-up-urgency.ts, so the
// waiting lists and the follow-ups put the same clients in the same order. A
// cancellation question unanswered for a day comes before a routine thread
// waiting three, and a wait counts by how late it is against the usual time
// on its side.
//
// "Waiting on you" holds the clients the risk says wait on the user
// (`waiting_on_us`) and those with a cue still to acknowledge; "stopped
// answering" those it says stopped answering (`waiting_on_them`). A client's
// place is its most pressing open follow-up of the list's kinds; when the user
// has closed or snoozed them all (or the wait is older than follow-ups go
// back), the one the wait would ask for, weighed the same way.
import { HOUR } from './business-hours';
import type { CueKind } from './cue-lexicon';
import { byPriority, followUpPriority, followUpUrgency } from './follow-up-urgency';
import type { FollowUp } from './follow-ups';
import type { RiskReason } from './risk-types';

export type WaitingListName = 'onYou' | 'stopped';

export interface WaitingPlace {
  /** Urgency × the client's value factor: the order across clients, as a follow-up's. */
  priority: number;
  urgency: number;
  /** When the follow-up fell due: the wait's start plus the usual time on its side, or the cue's time. */
  dueAt: number;
  /** The cue to acknowledge that puts the client there, when it is one. */
  cue?: CueKind;
}

type PlacedFollowUp = Pick<FollowUp, 'key' | 'kind' | 'status' | 'priority' | 'urgency' | 'dueAt' | 'cue'>;

/** The parts of a client's report its place is read from; a report stored by an older version may lack some. */
export interface WaitingOrderInput {
  risk: { reasons: readonly RiskReason[]; valueFactor?: number };
  followUps?: readonly PlacedFollowUp[];
}

/** Our usual reply time when the client has none, as the reply follow-up assumes. */
export const DEFAULT_REPLY_MS = 4 * HOUR;

const KINDS: Record<WaitingListName, readonly FollowUp['kind'][]> = {
  onYou: ['reply', 'acknowledge'],
  stopped: ['nudge'],
};

/** A follow-up weighed as of `now`, as follow-ups.ts weighs the ones it suggests (the team's list weighs colleagues' so). */
export function weighFollowUp(
  kind: 'reply' | 'nudge' | 'acknowledge',
  dueAt: number,
  valueFactor: number,
  now: number,
  cue?: CueKind,
): PlacedFollowUp {
  const urgency = followUpUrgency({ kind, dueAt, ...(cue && { cue }) }, now);
  return {
    key: '',
    kind,
    status: 'open',
    dueAt,
    urgency,
    priority: followUpPriority(urgency, valueFactor),
    ...(cue && { cue }),
  };
}

/** The follow-up the wait asks for, from the risk's reason, when no open follow-up stands for it. */
function fromReason(list: WaitingListName, reasons: readonly RiskReason[], valueFactor: number, now: number) {
  for (const reason of reasons) {
    if (list === 'onYou' && reason.kind === 'waiting_on_us') {
      const since = now - reason.numbers.waitingMs;
      return weighFollowUp('reply', since + (reason.numbers.usualReplyMs ?? DEFAULT_REPLY_MS), valueFactor, now);
    }
    if (list === 'stopped' && reason.kind === 'waiting_on_them') {
      const { waitingMs, usualReplyMs, usualGapMs } = reason.numbers;
      return weighFollowUp('nudge', now - waitingMs + Math.max(usualReplyMs, usualGapMs), valueFactor, now);
    }
  }
  return undefined;
}

const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The client's place in one of the popup's lists as of `now` (the report's
 * computation), or undefined when it is not in that list.
 */
export function waitingPlace(report: WaitingOrderInput, list: WaitingListName, now: number): WaitingPlace | undefined {
  const reasons = report.risk?.reasons ?? [];
  const kinds = KINDS[list];
  const open = (report.followUps ?? []).filter(
    (f) =>
      f.status === 'open' &&
      kinds.includes(f.kind) &&
      isFiniteNumber(f.priority) &&
      isFiniteNumber(f.urgency) &&
      isFiniteNumber(f.dueAt),
  );
  const waits = reasons.some((r) => r.kind === (list === 'onYou' ? 'waiting_on_us' : 'waiting_on_them'));
  const acknowledges = list === 'onYou' && open.some((f) => f.kind === 'acknowledge');
  if (!waits && !acknowledges) return undefined;
  const [best] = [...open].sort(byPriority);
  const place = best ?? fromReason(list, reasons, report.risk?.valueFactor ?? 1, now);
  if (!place) return undefined;
  return {
    priority: place.priority,
    urgency: place.urgency,
    dueAt: place.dueAt,
    ...(place.kind === 'acknowledge' && place.cue && { cue: place.cue }),
  };
}
