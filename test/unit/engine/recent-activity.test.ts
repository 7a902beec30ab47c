import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '@/lib/engine/business-hours';
import { threadsAndSamples } from '@/lib/engine/client-threads';
import { byTime, type ClientMessage } from '@/lib/engine/conversation';
import { mailOf } from '@/lib/engine/message-columns';
import { RECENT_ACTIVITY_DAYS, recentActivity } from '@/lib/engine/recent-activity';
import { parseEngineSettings } from '@/lib/engine/settings';
import { DAY, HOUR, threadNumber } from './mail-builders';

const NOW = Date.UTC(2026, 10, 20, 12);
const clock = createBusinessClock(parseEngineSettings({ timeZone: 'UTC' }));
let n = 0;
const msg = (threadId: string, side: 'in' | 'out', at: number): ClientMessage => {
  n += 1;
  return { id: `m${n}`, threadId, thread: threadNumber(threadId), at, side, subject: '', snippet: '' };
};

function activityOf(messages: ClientMessage[], now = NOW) {
  const { columns, rows } = mailOf([...messages].sort(byTime));
  const { samples } = threadsAndSamples(columns, rows, clock);
  return recentActivity(columns, rows, samples, now);
}

describe('the recent activity a report keeps for the side panel', () => {
  it('keeps when each side wrote and each reply, as the engine matched it', () => {
    const activity = activityOf([
      msg('a', 'in', NOW - 3 * DAY),
      msg('a', 'in', NOW - 3 * DAY + HOUR),
      msg('a', 'out', NOW - 3 * DAY + 5 * HOUR),
      msg('a', 'in', NOW - 2 * DAY),
      msg('b', 'out', NOW - DAY),
    ]);
    expect(activity).toEqual({
      receivedAt: [NOW - 3 * DAY, NOW - 3 * DAY + HOUR, NOW - 2 * DAY],
      sentAt: [NOW - 3 * DAY + 5 * HOUR, NOW - DAY],
      // Our reply counts from the client's first unanswered message, as the report's reply times do.
      ourReplies: [{ at: NOW - 3 * DAY + 5 * HOUR, wallMs: 5 * HOUR }],
      theirReplies: [{ at: NOW - 2 * DAY, wallMs: DAY - 5 * HOUR }],
    });
  });

  it('keeps only the window the panel can show until the next recompute, and nothing after now', () => {
    const from = NOW - RECENT_ACTIVITY_DAYS * DAY;
    const activity = activityOf([
      msg('a', 'in', from - HOUR),
      msg('a', 'out', from + HOUR),
      msg('b', 'in', from),
      msg('c', 'in', NOW + HOUR),
    ]);
    expect(activity.receivedAt).toEqual([from]);
    expect(activity.sentAt).toEqual([from + HOUR]);
    // A reply in the window to a message before it is still a reply of the window, with its whole wait.
    expect(activity.ourReplies).toEqual([{ at: from + HOUR, wallMs: 2 * HOUR }]);
    expect(activity.theirReplies).toEqual([]);
  });

  it('is empty for a client with no mail in the window', () => {
    expect(activityOf([msg('a', 'in', NOW - 200 * DAY)])).toEqual({
      receivedAt: [],
      sentAt: [],
      ourReplies: [],
      theirReplies: [],
    });
  });
});
