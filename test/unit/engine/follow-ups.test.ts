import { describe, expect, it } from 'vitest';
import {
  type FollowUpState,
  reconcileFollowUps,
  type SuggestedFollowUp,
  suggestFollowUps,
} from '@/lib/engine/follow-ups';
import type { ClientMetrics } from '@/lib/engine/report-types';
import type { RiskReason } from '@/lib/engine/risk-types';
import type { ThreadState } from '@/lib/engine/waiting';
import { DAY, HOUR } from './mail-builders';

const now = 1_000 * DAY;

function metrics(overrides: Partial<ClientMetrics> = {}): ClientMetrics {
  return {
    firstSeenAt: now - 400 * DAY,
    lastInboundAt: now - 3 * DAY,
    lastOutboundAt: now - 10 * DAY,
    inbound: 10,
    outbound: 10,
    latency: { ours: { count: 4, medianMs: 5 * HOUR }, theirs: { count: 4, p90Ms: DAY } },
    recentOurLatency: { count: 0 },
    earlierOurLatency: { count: 0 },
    waiting: {},
    trend: { last30: 1, previous90: 3, expected30: 1, ratio: 1 },
    cues: [],
    onboarding: { active: false, daysSinceFirstSeen: 400 },
    ...overrides,
  };
}

const thread = (threadId: string, turn: ThreadState['turn'], since: number, lastAt = since): ThreadState => ({
  threadId,
  subject: `Subject ${threadId}`,
  messageCount: 2,
  lastAt,
  turn,
  since,
});

describe('suggestFollowUps', () => {
  it('suggests replying to waiting threads and nudging unanswered ones', () => {
    const out = suggestFollowUps({
      clientKey: 'acme.example',
      metrics: metrics({ lastInboundAt: now - 3 * DAY }),
      reasons: [],
      threads: [
        thread('a', 'us', now - 3 * DAY),
        thread('b', 'them', now - 10 * DAY),
        thread('old', 'us', now - 90 * DAY),
      ],
      now,
    });
    // The client wrote 3 days ago, after our message in b: no nudge while they are talking to us.
    expect(out.map((f) => [f.key, f.kind, f.dueAt])).toEqual([
      ['reply:acme.example:a', 'reply', now - 3 * DAY + 5 * HOUR],
    ]);
    expect(out[0]?.reason).toBe('Reply to "Subject a" — waiting 3 d');

    const silent = suggestFollowUps({
      clientKey: 'acme.example',
      metrics: metrics({ lastInboundAt: now - 12 * DAY }),
      reasons: [],
      threads: [thread('b', 'them', now - 10 * DAY), thread('fresh', 'them', now - DAY)],
      now,
    });
    expect(silent.map((f) => [f.key, f.kind, f.dueAt, f.anchorAt])).toEqual([
      ['nudge:acme.example:b', 'nudge', now - 8 * DAY, now - 10 * DAY],
    ]);
  });

  it('turns an unanswered cancellation into an acknowledgement instead of a plain reply', () => {
    const reason: RiskReason = {
      kind: 'cancellation',
      weight: 60,
      text: 'they asked about cancelling today: "cancel our contract"',
      numbers: { ageDays: 0, hits: 1, answered: false },
      threadId: 'a',
      messageId: 'm1',
      phrase: 'cancel our contract',
    };
    const out = suggestFollowUps({
      clientKey: 'acme.example',
      metrics: metrics({
        cues: [
          {
            kind: 'cancellation',
            phrase: 'cancel our contract',
            field: 'snippet',
            messageId: 'm1',
            threadId: 'a',
            at: now - HOUR,
            weight: 1,
            answered: false,
          },
        ],
      }),
      reasons: [reason],
      threads: [thread('a', 'us', now - HOUR)],
      now,
    });
    expect(out.map((f) => f.key)).toEqual(['acknowledge:acme.example:a']);
    expect(out[0]?.dueAt).toBe(now - HOUR);
  });

  it('suggests a check-in after unusual silence and onboarding check-ins at their milestones', () => {
    const silence: RiskReason = {
      kind: 'silence',
      weight: 40,
      text: 'no message from them for 60 days — they usually write every 7 days, rarely more than 20 days apart',
      numbers: {
        silenceDays: 60,
        usualGapDays: 7,
        unusualGapDays: 20,
        expectedGapDays: 8,
        accountGapDays: 9,
        lastFromThem: true,
      },
    };
    const fading = suggestFollowUps({
      clientKey: 'k',
      metrics: metrics({
        lastInboundAt: now - 60 * DAY,
        cadence: {
          contactDays: 9,
          lastContactDay: 940,
          gaps: 8,
          usualGapDays: 7,
          unusualGapDays: 20,
          silenceDays: 60,
          silenceRatio: 3,
        },
      }),
      reasons: [silence],
      threads: [],
      now,
    });
    expect(fading).toMatchObject([
      { key: 'check-in:k', kind: 'check_in', dueAt: now - 40 * DAY, anchorAt: now - 60 * DAY },
    ]);

    const fresh = metrics({ firstSeenAt: now - 29 * DAY, lastOutboundAt: now - 20 * DAY });
    const onboarding = suggestFollowUps({ clientKey: 'k', metrics: fresh, reasons: [], threads: [], now });
    expect(onboarding.map((f) => [f.key, f.milestoneDay, f.dueAt])).toEqual([['onboarding-30:k', 30, now + DAY]]);
    const contacted = suggestFollowUps({
      clientKey: 'k',
      metrics: { ...fresh, lastOutboundAt: now - DAY },
      reasons: [],
      threads: [],
      now,
    });
    expect(contacted).toEqual([]);
  });
});

describe('reconcileFollowUps', () => {
  const suggestion = (key: string, anchorAt: number, dueAt = anchorAt): SuggestedFollowUp => ({
    key,
    clientKey: 'k',
    kind: 'reply',
    reason: key,
    dueAt,
    anchorAt,
  });

  it('keeps decisions until new activity or the end of a snooze reopens them', () => {
    const stored: FollowUpState[] = [
      { key: 'done-old', status: 'done', updatedAt: now - DAY },
      { key: 'done-reopened', status: 'done', updatedAt: now - 5 * DAY },
      { key: 'snoozed', status: 'snoozed', updatedAt: now - DAY, snoozedUntil: now + DAY },
      { key: 'snooze-over', status: 'snoozed', updatedAt: now - 3 * DAY, snoozedUntil: now - DAY },
      { key: 'dismissed', status: 'dismissed', updatedAt: now - 2 * DAY },
      { key: 'gone-recent', status: 'done', updatedAt: now - 10 * DAY },
      { key: 'gone-ancient', status: 'done', updatedAt: now - 400 * DAY },
    ];
    const { followUps, states } = reconcileFollowUps(
      [
        suggestion('done-old', now - 2 * DAY),
        suggestion('done-reopened', now - 2 * DAY),
        suggestion('snoozed', now - 2 * DAY),
        suggestion('snooze-over', now - 4 * DAY),
        suggestion('dismissed', now - 9 * DAY),
        suggestion('new', now - HOUR),
      ],
      stored,
      now,
    );
    expect(Object.fromEntries(followUps.map((f) => [f.key, f.status]))).toEqual({
      'done-old': 'done',
      'done-reopened': 'open',
      snoozed: 'snoozed',
      'snooze-over': 'open',
      dismissed: 'dismissed',
      new: 'open',
    });
    expect(followUps.find((f) => f.key === 'snoozed')?.snoozedUntil).toBe(now + DAY);
    expect(states.map((s) => s.key)).toEqual(['dismissed', 'done-old', 'gone-recent', 'snoozed']);
  });

  it('never duplicates a key and keeps the latest stored decision', () => {
    const { followUps } = reconcileFollowUps(
      [suggestion('a', now - DAY, now), suggestion('a', now - DAY, now - HOUR)],
      [
        { key: 'a', status: 'dismissed', updatedAt: now - 2 * DAY },
        { key: 'a', status: 'done', updatedAt: now - HOUR },
      ],
      now,
    );
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ status: 'done', dueAt: now - HOUR });
    expect(reconcileFollowUps([], [], now)).toEqual({ followUps: [], states: [] });
  });
});
