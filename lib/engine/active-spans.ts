// When a client counts as active: from each time they are in touch until the
// risk's horizon (60 days) has passed without them writing again. Gone quiet
// is exactly what the chance of going quiet predicts, so a client the
// dashboard counts as gone quiet is one the chance was about.
import { DAY } from './business-hours';
import { HORIZON_DAYS } from './risk';

/** A client stays active this long after they were last in touch. */
export const QUIET_AFTER_DAYS = HORIZON_DAYS;
const QUIET_AFTER_MS = QUIET_AFTER_DAYS * DAY;

/** One stretch of activity, [start, end): `end` is the moment they had been silent for the whole horizon. */
export interface ActiveSpan {
  start: number;
  end: number;
}

/** The client's stretches of activity, oldest first, from their contact times in ascending order. */
export function activeSpans(contactAt: readonly number[]): ActiveSpan[] {
  const spans: ActiveSpan[] = [];
  for (const at of contactAt) {
    const last = spans.at(-1);
    if (last && at < last.end) last.end = Math.max(last.end, at + QUIET_AFTER_MS);
    else spans.push({ start: at, end: at + QUIET_AFTER_MS });
  }
  return spans;
}

/** Whether the client is active at `at`. */
export function activeAt(spans: readonly ActiveSpan[], at: number): boolean {
  return spans.some((span) => span.start <= at && at < span.end);
}
