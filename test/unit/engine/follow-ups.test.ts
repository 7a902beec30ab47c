import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import {
  checkInReason,
  type FollowUpState,
  reconcileFollowUps,
  type SuggestedFollowUp,
  suggestFollowUps,
} from '@/lib/engine/follow-ups';
import type { ClientMetrics } from '@/lib/engine/report-types';
import type { RiskReason } from '@/lib/engine/risk-types';
import { followUpMetrics, now, thread } from './follow-up-builders';
import { DAY, HOUR, identity, ME, mail } from './mail-builders';

const metrics = followUpMetrics;

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
      chance: 10,
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
      chance: 10,
      now,
    });
    expect(silent.map((f) => [f.key, f.kind, f.dueAt, f.anchorAt])).toEqual([
      ['nudge:acme.example:b', 'nudge', now - 8 * DAY, now - 10 * DAY],
    ]);
  });

  it('gives whole milliseconds as due times when reply times fall between two', () => {
    const out = suggestFollowUps({
      clientKey: 'acme.example',
      metrics: metrics({
        lastInboundAt: now - 12 * DAY,
        latency: { ours: { count: 2, medianMs: 5 * HOUR + 0.5 }, theirs: { count: 3, p90Ms: 3 * DAY + 0.4 } },
      }),
      reasons: [],
      threads: [thread('a', 'us', now - DAY), thread('b', 'them', now - 10 * DAY)],
      chance: 10,
      now,
    });
    expect(out.map((f) => [f.kind, f.dueAt])).toEqual(
      expect.arrayContaining([
        ['reply', now - DAY + 5 * HOUR + 1],
        ['nudge', now - 7 * DAY],
      ]),
    );
    expect(out.every((f) => Number.isInteger(f.dueAt))).toBe(true);
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
      chance: 10,
      now,
    });
    expect(out.map((f) => f.key)).toEqual(['acknowledge:acme.example:a']);
    expect(out[0]?.dueAt).toBe(now - HOUR);
  });

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
  const quietClient = metrics({ lastInboundAt: now - 60 * DAY, lastOutboundAt: now - 60 * DAY });
  const checkIns = (chance: number, checkInPercent?: number, m = quietClient) =>
    suggestFollowUps({
      clientKey: 'k',
      metrics: m,
      reasons: [silence],
      threads: [],
      chance,
      ...(checkInPercent !== undefined && { checkInPercent }),
      now,
    });

  it('suggests a check-in once the chance reaches the threshold, 50% unless the user moved it', () => {
    expect(checkIns(49)).toEqual([]);
    expect(checkIns(50)).toMatchObject([
      {
        key: 'check-in:k',
        kind: 'check_in',
        dueAt: now,
        anchorAt: now - 60 * DAY,
        chance: { percent: 50, threshold: 50 },
      },
    ]);
    expect(checkIns(50)[0]?.reason).toBe(
      `Check in: 50% chance they go quiet in 60 days, at or over your 50% — ${silence.text}`,
    );
    // The same silence, with the threshold moved: a fixed gap no longer decides.
    expect(checkIns(35, 30).map((f) => f.chance)).toEqual([{ percent: 35, threshold: 30 }]);
    expect(checkIns(65, 70)).toEqual([]);
    // While the user expects silence, no check-in.
    expect(checkIns(80, 50, { ...quietClient, quietUntil: now + DAY })).toEqual([]);
  });

  it('names the strongest reason of the chance, never a reason to act now', () => {
    const urgent: RiskReason = { ...silence, weight: 90, urgent: true };
    const out = suggestFollowUps({
      clientKey: 'k',
      metrics: quietClient,
      reasons: [urgent, silence],
      threads: [],
      chance: 60,
      now,
    });
    expect(out[0]?.reason).toContain(silence.text);
    expect(checkInReason([urgent])).toBeUndefined();
  });

  it('suggests an onboarding check-in on its day and drops it once past its use', () => {
    const onboarding = (day: number, m: Partial<ClientMetrics> = {}) =>
      suggestFollowUps({
        clientKey: 'k',
        metrics: metrics({ firstSeenAt: now - day * DAY, lastOutboundAt: undefined, ...m }),
        reasons: [],
        threads: [],
        chance: 10,
        now,
      }).filter((f) => f.kind === 'onboarding');
    const days = (day: number) => onboarding(day).map((f) => f.milestoneDay);
    expect(days(4)).toEqual([]);
    expect(days(5)).toEqual([7]);
    expect(onboarding(7)[0]?.dueAt).toBe(now);
    expect(days(13)).toEqual([7]);
    // Day 19: the day-7 check-in is past its use, and day 30 is not near yet.
    expect(days(14)).toEqual([]);
    expect(days(19)).toEqual([]);
    expect(days(29)).toEqual([30]);
    // From day 58 the day-60 one shows, and day 30's is gone.
    expect(days(58)).toEqual([60]);
    expect(days(97)).toEqual([]);
    // Written to around its day: done.
    expect(onboarding(29, { lastOutboundAt: now - 2 * DAY })).toEqual([]);
  });

  it('suggests a proactive check-in when we have not started a conversation for a quarter', () => {
    const proactive = (m: Partial<ClientMetrics>, chance = 10) =>
      suggestFollowUps({ clientKey: 'k', metrics: metrics(m), reasons: [], threads: [], chance, now }).filter(
        (f) => f.kind === 'proactive' || f.kind === 'check_in',
      );
    expect(proactive({ lastStartedByUsAt: now - 100 * DAY })).toMatchObject([
      {
        key: 'proactive:k',
        kind: 'proactive',
        dueAt: now - 10 * DAY,
        anchorAt: now - 100 * DAY,
        lastStartedByUsAt: now - 100 * DAY,
        reason: 'Check in: you have not started a conversation with them for 100 days',
      },
    ]);
    expect(proactive({ lastStartedByUsAt: undefined })).toMatchObject([
      {
        kind: 'proactive',
        dueAt: now - 310 * DAY,
        reason: 'Check in: you have never started a conversation with them in 400 days',
      },
    ]);
    expect(proactive({ lastStartedByUsAt: now - 80 * DAY })).toEqual([]);
    // While they wait on our reply, answering is the contact to make.
    const onUs = { since: now - DAY, threadId: 't', messageId: 'm', threads: 1 };
    expect(proactive({ lastStartedByUsAt: undefined, waiting: { onUs } })).toEqual([]);
    // A client of less than a quarter, or one silent for a quarter (the chance speaks for them), gets none.
    expect(proactive({ firstSeenAt: now - 60 * DAY })).toEqual([]);
    expect(proactive({ lastInboundAt: now - 120 * DAY })).toEqual([]);
    // One check-in at a time: the chance's wins.
    expect(proactive({ lastStartedByUsAt: undefined }, 70).map((f) => f.kind)).toEqual(['check_in']);
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
    urgency: 1,
    priority: 1,
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

describe('the conversations we start', () => {
  it('are read from each thread’s first message, for the proactive check-in', () => {
    const at = 1_000 * DAY;
    const messages = [
      mail({ threadId: 'theirs', from: 'anna@acme.example', at: at - 50 * DAY }),
      mail({ threadId: 'theirs', from: ME, to: ['anna@acme.example'], at: at - 49 * DAY }),
      mail({ threadId: 'ours', from: ME, to: ['anna@acme.example'], at: at - 120 * DAY }),
      mail({ threadId: 'ours', from: 'anna@acme.example', at: at - 119 * DAY }),
    ];
    const [acme] = analyzeAccount({ messages, identity, now: at }).clients;
    expect(acme?.metrics.lastStartedByUsAt).toBe(at - 120 * DAY);
    expect(acme?.metrics).toMatchObject({ threadsTheyStarted: 1, threadsWeStarted: 1 });
    const [never] = analyzeAccount({ messages: messages.slice(0, 2), identity, now: at }).clients;
    expect(never?.metrics.lastStartedByUsAt).toBeUndefined();
    expect(never?.metrics).toMatchObject({ threadsTheyStarted: 1, threadsWeStarted: 0 });
  });
});
