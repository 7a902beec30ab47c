// How urgent a follow-up is, so a client's list puts first what to do first,
// and how much it weighs against other clients' (`priority`: urgency × the
// client's value factor, as the waiting lists weigh a wait).
//
// Urgency is the kind's, then its cue's, then how late it is:
//   kind      acknowledge a cue 3, reply 2, nudge 1.5, check-in 1.25,
//             onboarding 1, proactive check-in 0.75: a complaint or a client
//             waiting on us comes before a relationship to tend;
//   cue       cancelling 1.5, a complaint 1.25, other providers 1.1, price 1;
//   chance    a check-in by how far the chance is past the user's threshold
//             (its ratio to the threshold, at most 2);
//   lateness  not due yet 0.5; due, 1 growing to 1.5 a week past its due time
//             (so a wait long overdue still comes after a fresh complaint).
import { DAY } from './business-hours';
import type { CueKind } from './cue-lexicon';

type Kind = 'reply' | 'nudge' | 'check_in' | 'acknowledge' | 'onboarding' | 'proactive';

const KIND_URGENCY: Record<Kind, number> = {
  acknowledge: 3,
  reply: 2,
  nudge: 1.5,
  check_in: 1.25,
  onboarding: 1,
  proactive: 0.75,
};
const CUE_URGENCY: Record<CueKind, number> = { cancellation: 1.5, complaint: 1.25, competitor: 1.1, price: 1 };
const LATE_FOR = 7 * DAY;

export interface UrgencyInput {
  kind: Kind;
  dueAt: number;
  cue?: CueKind;
  chance?: { percent: number; threshold: number };
}

export function followUpUrgency({ kind, dueAt, cue, chance }: UrgencyInput, now: number): number {
  const lateness = dueAt > now ? 0.5 : 1 + 0.5 * Math.min(1, (now - dueAt) / LATE_FOR);
  const cueFactor = cue ? CUE_URGENCY[cue] : 1;
  const chanceFactor = chance ? Math.min(2, chance.percent / Math.max(1, chance.threshold)) : 1;
  return Math.round(KIND_URGENCY[kind] * cueFactor * chanceFactor * lateness * 1000) / 1000;
}

/** Urgency × the client's value factor, to three decimals: the order across clients of the follow-ups and the waiting lists. */
export function followUpPriority(urgency: number, valueFactor: number): number {
  return Math.round(urgency * valueFactor * 1000) / 1000;
}

/**
 * A follow-up given its urgency and its priority, in place: each is made for
 * one client's list alone, and a copy of follow-ups of six shapes takes V8's
 * slow path for every follow-up of every client. The two go last, where a
 * copy placed them.
 */
export function weighFollowUp<T extends UrgencyInput>(
  draft: T,
  valueFactor: number,
  now: number,
): T & { urgency: number; priority: number } {
  const urgency = followUpUrgency(draft, now);
  return Object.assign(draft, { urgency, priority: followUpPriority(urgency, valueFactor) });
}

/** Most pressing first (priority, then urgency), then the earliest due, then by key for a stable order. */
export function byPriority(
  a: { priority: number; urgency: number; dueAt: number; key: string },
  b: { priority: number; urgency: number; dueAt: number; key: string },
): number {
  return (
    b.priority - a.priority ||
    b.urgency - a.urgency ||
    a.dueAt - b.dueAt ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
