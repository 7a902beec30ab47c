// Volume trend: the client's messages in the last 30 days against the monthly
// rate of the 90 days before, so a slow fade shows before the silence does.
import { DAY } from './business-hours';

export interface Trend {
  last30: number;
  previous90: number;
  /** previous90 / 3: what a steady client would have sent in the last 30 days. */
  expected30: number;
  /** last30 / expected30; undefined when there is nothing to compare with. */
  ratio?: number;
}

/** `times` are epoch ms of the client's messages; messages after `now` are ignored. */
export function messageTrend(times: readonly number[], now: number): Trend {
  const recentStart = now - 30 * DAY;
  const previousStart = recentStart - 90 * DAY;
  let last30 = 0;
  let previous90 = 0;
  for (const t of times) {
    if (t > now) continue;
    if (t > recentStart) last30 += 1;
    else if (t > previousStart) previous90 += 1;
  }
  const expected30 = previous90 / 3;
  return expected30 > 0
    ? { last30, previous90, expected30, ratio: last30 / expected30 }
    : { last30, previous90, expected30 };
}
