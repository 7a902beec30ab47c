// The popup's order, computed where the report is and stored with it, so the
// popup reads its first rows from an index instead of ranking every client.

import type { StoredClient, StoredReport, StoredWaitingPlace } from '@/lib/data/stored-rows';
import { type WaitingListName, waitingPlace } from '@/lib/engine/waiting-order';

function stored(report: StoredReport, list: WaitingListName, computedAt: number): StoredWaitingPlace | undefined {
  const place = waitingPlace(report, list, computedAt);
  if (!place) return undefined;
  return { rank: [place.priority, place.urgency, -place.dueAt], ...(place.cue && { cue: place.cue }) };
}

/**
 * A client's places in the popup's two lists, as of the report's computation.
 * A report of an older version, or a damaged one from a backup, that cannot
 * say where it stands gets no place: the next recompute gives it one.
 */
export function waitingPlaces(
  report: StoredReport,
  computedAt: number,
): Pick<StoredClient, 'onYouPlace' | 'stoppedPlace'> {
  try {
    const onYouPlace = stored(report, 'onYou', computedAt);
    const stoppedPlace = stored(report, 'stopped', computedAt);
    return { ...(onYouPlace && { onYouPlace }), ...(stoppedPlace && { stoppedPlace }) };
  } catch {
    return {};
  }
}

/** The row with its places set from its own report, for rows written before they were stored. */
export function withWaitingPlaces<T extends Pick<StoredClient, 'report' | 'computedAt'>>(
  row: T,
): Omit<T, 'onYouPlace' | 'stoppedPlace'> & Pick<StoredClient, 'onYouPlace' | 'stoppedPlace'> {
  const { onYouPlace: _, stoppedPlace: __, ...rest } = row as T & Pick<StoredClient, 'onYouPlace' | 'stoppedPlace'>;
  return { ...rest, ...waitingPlaces(row.report, row.computedAt) };
}
