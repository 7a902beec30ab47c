import { HealthCounter } from '@/lib/sites/gmail/health';
import type { Health } from '@/lib/sites/gmail/records';
import { css } from '@/lib/sites/gmail/selectors';
import { rowBadgeSlot } from '@/lib/sites/gmail/thread-rows';
import type { BadgeSpot } from './risk-badges';

/** What the extractor last read of a row: its thread and the fields it could not read. */
export interface RowReading {
  threadId?: string;
  failed: string[];
}

/**
 * The badge spots of the visible rows, and how well those rows read. A list
 * that reads badly gets no spots at all: better no badge than a wrong one.
 */
export function rowBadgeSpots(
  rows: readonly Element[],
  readingOf: (row: Element) => RowReading | undefined,
): { spots: BadgeSpot[]; health: Health } {
  const health = new HealthCounter();
  const spots: BadgeSpot[] = [];
  for (const row of rows) {
    const reading = readingOf(row);
    if (!reading) continue;
    health.record(reading.failed);
    const anchor = reading.threadId ? rowBadgeSlot(row) : null;
    if (anchor && reading.threadId) spots.push({ threadId: reading.threadId, anchor, where: 'first' });
  }
  const report = health.report();
  return { spots: report.healthy ? spots : [], health: report };
}

/** The spot in an open conversation's heading, when the conversation read well. */
export function conversationBadgeSpot(
  container: Element | null,
  threadId: string | undefined,
  health: Health,
): BadgeSpot[] {
  const heading = container?.querySelector(css('conversationSubject'));
  if (!heading || !threadId || !health.healthy) return [];
  return [{ threadId, anchor: heading, where: 'last' }];
}
