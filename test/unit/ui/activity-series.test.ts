import { describe, expect, it } from 'vitest';
import type { RecentActivity } from '@/lib/engine/recent-activity';
import { activitySeries } from '@/lib/ui/activity-series';

const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const none: RecentActivity = { receivedAt: [], sentAt: [], ourReplies: [], theirReplies: [] };

describe('the side panel’s 90-day activity', () => {
  it('counts messages each way per week and the median reply time of each side', () => {
    const weeks = activitySeries(
      {
        receivedAt: [NOW - 3 * DAY, NOW - 3 * DAY + 8 * HOUR, NOW - 2 * DAY],
        sentAt: [NOW - 3 * DAY + 2 * HOUR, NOW - 2 * DAY + 4 * HOUR, NOW - 2 * DAY + 5 * HOUR],
        ourReplies: [
          { at: NOW - 3 * DAY + 2 * HOUR, wallMs: 2 * HOUR },
          { at: NOW - 2 * DAY + 4 * HOUR, wallMs: 4 * HOUR },
        ],
        theirReplies: [{ at: NOW - 3 * DAY + 8 * HOUR, wallMs: 6 * HOUR }],
      },
      NOW,
    );
    expect(weeks).toHaveLength(13);
    expect(weeks.at(-1)).toMatchObject({ received: 3, sent: 3, ourReplyMs: 3 * HOUR, theirReplyMs: 6 * HOUR });
    expect(weeks.slice(0, -1).every((w) => w.received + w.sent === 0 && w.ourReplyMs === undefined)).toBe(true);
  });

  it('ends its weeks now, though the report was computed earlier', () => {
    const computedAt = NOW - 3 * DAY;
    const weeks = activitySeries({ ...none, receivedAt: [computedAt - 13 * WEEK + HOUR, computedAt - HOUR] }, NOW);
    expect(weeks[0]?.start).toBe(NOW - 13 * WEEK);
    // The first falls out of the window as time goes on; the second is in the last week.
    expect(weeks.map((w) => w.received)).toEqual([...Array(12).fill(0), 1]);
  });

  it('leaves out what is older than 13 weeks or after now', () => {
    const weeks = activitySeries(
      {
        receivedAt: [NOW - 100 * DAY, NOW + DAY],
        sentAt: [NOW + HOUR],
        ourReplies: [{ at: NOW + HOUR, wallMs: HOUR }],
        theirReplies: [{ at: NOW - 100 * DAY, wallMs: HOUR }],
      },
      NOW,
    );
    expect(weeks.every((w) => w.received + w.sent === 0)).toBe(true);
    expect(weeks.every((w) => w.ourReplyMs === undefined && w.theirReplyMs === undefined)).toBe(true);
  });
});
