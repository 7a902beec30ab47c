import { describe, expect, it } from 'vitest';
import { activitySeries } from '@/lib/ui/activity-series';

const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ME = 'me@studio.com';
const mine = new Set([ME]);
const msg = (threadId: string, at: number, from: string, senderKnown = true) => ({
  threadId,
  at,
  from: { email: from },
  senderKnown,
});

describe('the side panel’s 90-day activity', () => {
  it('counts messages each way per week and the median reply time of each side', () => {
    const weeks = activitySeries(
      [
        msg('a', NOW - 3 * DAY, 'client@acme.com'),
        msg('a', NOW - 3 * DAY + 2 * HOUR, ME),
        msg('a', NOW - 3 * DAY + 8 * HOUR, 'Client@Acme.com'),
        msg('b', NOW - 2 * DAY, 'client@acme.com'),
        msg('b', NOW - 2 * DAY + 4 * HOUR, ME),
        msg('b', NOW - 2 * DAY + 5 * HOUR, ME),
      ],
      mine,
      NOW,
    );
    expect(weeks).toHaveLength(13);
    const last = weeks.at(-1);
    expect(last).toMatchObject({ received: 3, sent: 3, ourReplyMs: 3 * HOUR, theirReplyMs: 6 * HOUR });
    expect(weeks.slice(0, -1).every((w) => w.received + w.sent === 0 && w.ourReplyMs === undefined)).toBe(true);
  });

  it('leaves out messages older than 13 weeks, in the future, or whose sender is unknown', () => {
    const weeks = activitySeries(
      [
        msg('a', NOW - 100 * DAY, 'client@acme.com'),
        msg('a', NOW + DAY, 'client@acme.com'),
        msg('a', NOW - DAY, 'client@acme.com', false),
      ],
      mine,
      NOW,
    );
    expect(weeks.reduce((sum, w) => sum + w.received + w.sent, 0)).toBe(0);
  });

  it('a second message of the same side is not a reply', () => {
    const weeks = activitySeries(
      [msg('a', NOW - DAY, ME), msg('a', NOW - DAY + HOUR, ME), msg('a', NOW - DAY + 3 * HOUR, 'c@acme.com')],
      mine,
      NOW,
    );
    expect(weeks.at(-1)?.theirReplyMs).toBe(3 * HOUR);
    expect(weeks.at(-1)?.ourReplyMs).toBeUndefined();
  });
});
