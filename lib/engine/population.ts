// The account-wide model each client is compared with, fitted on every client's draft.
import type { BgNbdParams } from './bgnbd';
import { fitBgNbd, NotEnoughDataError } from './bgnbd-fit';
import { summarizeContactDays } from './bgnbd-summary';
import { contactGaps, fitCadencePrior } from './cadence';
import type { ClientDraft } from './client-draft';
import type { PopulationModel } from './report-types';
import { spread } from './stats';

/**
 * Fewer clients with repeat contact than this say too little about the account
 * to fit BG/NBD (a fit on one-off contacts is degenerate); P(alive) is then left out.
 */
const MIN_CLIENTS_FOR_BGNBD = 10;

/**
 * `today` is the local day number of `now`. Sums of floating-point numbers
 * depend on their order, so the model's last digits do on the drafts' order.
 */
export function fitPopulation(drafts: readonly ClientDraft[], today: number): PopulationModel {
  const customers = drafts.flatMap((d) => summarizeContactDays(d.contactDays, today, 'weeks') ?? []);
  let bgnbd: BgNbdParams | undefined;
  if (customers.filter((c) => c.x > 0).length >= MIN_CLIENTS_FOR_BGNBD) {
    try {
      bgnbd = fitBgNbd(customers).params;
    } catch (error) {
      if (!(error instanceof NotEnoughDataError)) throw error;
    }
  }
  // Gathered in a loop rather than flatMap, which is slow on a large account's hundred thousand replies.
  const replies: number[] = [];
  for (const d of drafts) for (const ms of d.ourReplyBusinessMs) replies.push(ms);
  const ours = spread(replies);
  const values = drafts.map((d) => d.override.value).filter((v): v is number => v !== undefined && v > 0);
  const medianValue = spread(values).median;
  const activity = { last30: 0, previous90: 0 };
  for (const d of drafts) {
    activity.last30 += d.metrics.trend.last30;
    activity.previous90 += d.metrics.trend.previous90;
  }
  return {
    activity,
    ...(bgnbd && { bgnbd }),
    cadence: fitCadencePrior(drafts.map((d) => contactGaps(d.contactDays))),
    ourReplyBusinessMs: {
      ...(ours.median !== undefined && { median: ours.median }),
      ...(ours.p90 !== undefined && { p90: ours.p90 }),
    },
    ...(medianValue !== undefined && { medianValue }),
  };
}
