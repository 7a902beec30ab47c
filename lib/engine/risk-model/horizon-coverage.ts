// Whether a mailbox export covers the 60 days after a cut date. Exports have
// holes: weeks in which the archive holds no message at all, neither to the
// owner nor from them, where the owner plainly went on mailing. Across such a
// hole "nothing from the client in 60 days" is true of nearly everyone and says
// nothing about the client, so the evaluation gives its figures twice: on
// every sample, and with the samples of those horizons censored. Pure: the
// mailbox in, the cut dates whose horizon holds a hole out.
import { DAY } from '../business-hours';
import type { MailMessage } from '../types';
import { cutDates, firstAfter, HORIZON_DAYS, type Sample } from './evaluation-samples';
import type { EvaluationMailbox } from './evaluation-types';

/**
 * Three weeks without one message in or out. Longer than any holiday, and the
 * exports this was set on run at 1 to 10 messages a day, so a normal mailbox
 * is not that quiet by chance.
 */
export const EXPORT_GAP_DAYS = 21;

/** The longest stretch of (cut, cut + horizon] without a message in `messages` (sorted by time), in days. */
export function longestSilenceDays(messages: readonly MailMessage[], cut: number): number {
  const end = cut + HORIZON_DAYS * DAY;
  let previous = cut;
  let longest = 0;
  for (let i = firstAfter(messages, cut); i < messages.length; i++) {
    const at = messages[i]?.at ?? end;
    if (at > end) break;
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  return Math.max(longest, end - previous) / DAY;
}

export interface HorizonGap {
  mailbox: string;
  cut: number;
  /** The longest stretch of the horizon the export holds no message in, in days. */
  days: number;
}

/** The mailbox's cut dates (those of evaluation-samples.ts) whose horizon holds an export gap. */
export function horizonGaps(mailbox: EvaluationMailbox): HorizonGap[] {
  const messages = [...mailbox.messages].sort((a, b) => a.at - b.at);
  return cutDates(messages)
    .map((cut) => ({ mailbox: mailbox.name, cut, days: longestSilenceDays(messages, cut) }))
    .filter((gap) => gap.days >= EXPORT_GAP_DAYS);
}

const keyOf = (mailbox: string, cut: number) => `${mailbox}\u0000${cut}`;

/** The samples whose horizon the export covers, and how many were censored. */
export function censorHorizonGaps(
  samples: readonly Sample[],
  gaps: readonly HorizonGap[],
): { covered: Sample[]; censored: { samples: number; cutDates: number; quiet: number } } {
  const gapped = new Set(gaps.map((g) => keyOf(g.mailbox, g.cut)));
  const covered: Sample[] = [];
  const censored = { samples: 0, cutDates: 0, quiet: 0 };
  const censoredCuts = new Set<string>();
  for (const sample of samples) {
    const key = keyOf(sample.mailbox, sample.cut);
    if (!gapped.has(key)) {
      covered.push(sample);
      continue;
    }
    censored.samples++;
    if (sample.quiet) censored.quiet++;
    censoredCuts.add(key);
  }
  censored.cutDates = censoredCuts.size;
  return { covered, censored };
}
