import { describe, expect, it } from 'vitest';
import { byPriority, followUpUrgency } from '@/lib/engine/follow-up-urgency';
import { suggestFollowUps } from '@/lib/engine/follow-ups';
import type { ClientMetrics } from '@/lib/engine/report-types';
import type { RiskReason } from '@/lib/engine/risk-types';
import { followUpMetrics, now, thread } from './follow-up-builders';
import { DAY, HOUR } from './mail-builders';

const metrics = (overrides: Partial<ClientMetrics> = {}) =>
  followUpMetrics({ lastInboundAt: now - 12 * DAY, ...overrides });

const complaint: RiskReason = {
  kind: 'complaint',
  weight: 0,
  urgent: true,
  text: 'they complained today: "very disappointed"',
  numbers: { ageDays: 0, hits: 1, answered: false },
  threadId: 'c',
  messageId: 'mc',
  phrase: 'very disappointed',
};
const complaintCue = {
  kind: 'complaint' as const,
  phrase: 'very disappointed',
  field: 'snippet' as const,
  messageId: 'mc',
  threadId: 'c',
  at: now - HOUR,
  weight: 1,
  answered: false,
};

describe('follow-up urgency', () => {
  it('weighs the kind, the cue, the chance past the threshold and how late it is', () => {
    const due = { dueAt: now };
    expect(followUpUrgency({ kind: 'reply', ...due }, now)).toBe(2);
    expect(followUpUrgency({ kind: 'reply', dueAt: now + DAY }, now)).toBe(1);
    expect(followUpUrgency({ kind: 'reply', dueAt: now - 7 * DAY }, now)).toBe(3);
    expect(followUpUrgency({ kind: 'reply', dueAt: now - 70 * DAY }, now)).toBe(3);
    expect(followUpUrgency({ kind: 'acknowledge', cue: 'cancellation', ...due }, now)).toBe(4.5);
    expect(followUpUrgency({ kind: 'acknowledge', cue: 'price', ...due }, now)).toBe(3);
    expect(followUpUrgency({ kind: 'check_in', chance: { percent: 75, threshold: 50 }, ...due }, now)).toBe(1.875);
    expect(followUpUrgency({ kind: 'check_in', chance: { percent: 99, threshold: 10 }, ...due }, now)).toBe(2.5);
    expect(followUpUrgency({ kind: 'proactive', ...due }, now)).toBe(0.75);
  });

  it('orders by priority, then urgency, then the earliest due, then the key', () => {
    const f = (key: string, priority: number, urgency: number, dueAt: number) => ({ key, priority, urgency, dueAt });
    const list = [f('d', 1, 1, now), f('c', 1, 1, now - DAY), f('b', 1, 2, now), f('a', 3, 1, now), f('e', 1, 1, now)];
    expect(list.sort(byPriority).map((x) => x.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('a client’s follow-ups, most pressing first', () => {
  const suggest = (valueFactor?: number) =>
    suggestFollowUps({
      clientKey: 'acme.example',
      metrics: metrics({ cues: [complaintCue] }),
      reasons: [complaint],
      threads: [
        // Waiting on us for two weeks: overdue for long.
        thread('a', 'us', now - 14 * DAY),
        // The complaint came an hour ago, in its own thread.
        thread('c', 'us', now - HOUR),
        // Our message unanswered for 10 days: a nudge.
        thread('b', 'them', now - 10 * DAY),
      ],
      chance: 10,
      ...(valueFactor !== undefined && { valueFactor }),
      now,
    });

  it('puts a fresh complaint before an old wait, and the wait before a nudge, whatever their due dates', () => {
    const out = suggest();
    expect(out.map((f) => f.kind)).toEqual(['acknowledge', 'reply', 'nudge']);
    // By due date alone the order would be the reverse of what to do first.
    expect([...out].sort((x, y) => x.dueAt - y.dueAt).map((f) => f.kind)).toEqual(['reply', 'nudge', 'acknowledge']);
    // A fresh complaint 3 × 1.25, a reply a week late or more 2 × 1.5, a nudge eight days late 1.5 × 1.5.
    expect(out.map((f) => f.urgency)).toEqual([3.761, 3, 2.25]);
    for (const f of out) expect(f.priority).toBe(f.urgency);
  });

  it('weighs each by the client’s value, as the waiting lists do', () => {
    const plain = suggest();
    const key = suggest(1.3);
    expect(key.map((f) => f.key)).toEqual(plain.map((f) => f.key));
    for (const [i, f] of key.entries()) {
      expect(f.urgency).toBe(plain[i]?.urgency);
      expect(f.priority).toBeCloseTo((plain[i]?.urgency ?? 0) * 1.3, 3);
    }
  });
});
