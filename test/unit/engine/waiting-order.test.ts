import { describe, expect, it } from 'vitest';
import type { StoredReport } from '@/lib/data/stored-rows';
import { waitingPlaces } from '@/lib/data/waiting-places';
import { suggestFollowUps } from '@/lib/engine/follow-ups';
import type { ClientCue, ClientMetrics } from '@/lib/engine/report-types';
import type { RiskReason } from '@/lib/engine/risk-types';
import type { ThreadState } from '@/lib/engine/waiting';
import { type WaitingOrderInput, waitingPlace } from '@/lib/engine/waiting-order';
import { followUpMetrics, now, thread } from './follow-up-builders';
import { DAY, HOUR } from './mail-builders';

const waitingOnUs = (waitingMs: number, usualReplyMs = 5 * HOUR): RiskReason => ({
  kind: 'waiting_on_us',
  weight: 0,
  urgent: true,
  text: 'waiting',
  numbers: {
    waitingMs,
    waitingBusinessMs: waitingMs,
    usualReplyMs,
    usualReplyBusinessMs: usualReplyMs,
    threads: 1,
  },
  threadId: 't',
});
const waitingOnThem = (waitingMs: number): RiskReason => ({
  kind: 'waiting_on_them',
  weight: 0,
  urgent: true,
  text: 'no answer',
  numbers: { waitingMs, usualReplyMs: DAY, usualGapMs: 3 * DAY, threads: 1 },
  threadId: 'n',
});
const cancellation: RiskReason = {
  kind: 'cancellation',
  weight: 0,
  urgent: true,
  text: 'they asked about cancelling',
  numbers: { ageDays: 1, hits: 1, answered: false },
  threadId: 'c',
  messageId: 'mc',
  phrase: 'cancel our plan',
};
const cancellationCue: ClientCue = {
  kind: 'cancellation',
  phrase: 'cancel our plan',
  field: 'snippet',
  messageId: 'mc',
  threadId: 'c',
  at: now - DAY,
  weight: 1,
  answered: false,
};

interface Client {
  reasons: RiskReason[];
  threads: ThreadState[];
  metrics?: Partial<ClientMetrics>;
  valueFactor?: number;
}

/** A client's report as the engine writes it: its follow-ups suggested from the same reasons and threads. */
function report({ reasons, threads, metrics = {}, valueFactor = 1 }: Client): WaitingOrderInput {
  const followUps = suggestFollowUps({
    clientKey: 'client.example',
    metrics: followUpMetrics(metrics),
    reasons,
    threads,
    chance: 10,
    valueFactor,
    now,
  }).map((f) => ({ ...f, status: 'open' as const }));
  return { risk: { reasons, valueFactor }, followUps };
}

const routine = (days: number, change: Partial<Client> = {}) =>
  report({ reasons: [waitingOnUs(days * DAY)], threads: [thread('t', 'us', now - days * DAY)], ...change });
const priorityOf = (input: WaitingOrderInput) => waitingPlace(input, 'onYou', now)?.priority ?? 0;

describe('a client’s place in the waiting lists', () => {
  it('puts a cancellation question unanswered for a day before a routine thread waiting three', () => {
    const cancelling = report({
      reasons: [waitingOnUs(DAY), cancellation],
      threads: [thread('c', 'us', now - DAY)],
      metrics: { cues: [cancellationCue] },
    });
    expect(waitingPlace(cancelling, 'onYou', now)?.cue).toBe('cancellation');
    expect(priorityOf(cancelling)).toBeGreaterThan(priorityOf(routine(3)));
    expect(waitingPlace(routine(3), 'onYou', now)?.cue).toBeUndefined();
  });

  it('counts a wait by how late it is against the client’s usual reply time', () => {
    const usuallyQuick = routine(2);
    const usuallySlow = routine(2, {
      reasons: [waitingOnUs(2 * DAY, 40 * HOUR)],
      metrics: { latency: { ours: { count: 4, medianMs: 40 * HOUR }, theirs: { count: 4, p90Ms: DAY } } },
    });
    expect(priorityOf(usuallyQuick)).toBeGreaterThan(priorityOf(usuallySlow));
    expect(waitingPlace(usuallyQuick, 'onYou', now)?.dueAt).toBe(now - 2 * DAY + 5 * HOUR);
  });

  it('weighs the wait by what the client is worth', () => {
    expect(priorityOf(routine(2, { valueFactor: 1.3 }))).toBeGreaterThan(priorityOf(routine(3, { valueFactor: 0.75 })));
  });

  it('keeps a client whose follow-ups the user closed in the list, weighed the same way', () => {
    const open = routine(3);
    const closed = { ...open, followUps: open.followUps?.map((f) => ({ ...f, status: 'done' as const })) };
    expect(waitingPlace(closed, 'onYou', now)).toEqual(waitingPlace(open, 'onYou', now));
  });

  it('places clients who stopped answering by their nudge, and nobody without a wait', () => {
    const silent = report({ reasons: [waitingOnThem(10 * DAY)], threads: [thread('n', 'them', now - 10 * DAY)] });
    expect(waitingPlace(silent, 'stopped', now)?.priority).toBeGreaterThan(0);
    expect(waitingPlace(silent, 'onYou', now)).toBeUndefined();
    expect(waitingPlace(report({ reasons: [], threads: [] }), 'stopped', now)).toBeUndefined();
  });

  it('gives no place, and throws nothing, for a report too old or damaged to say', () => {
    expect(waitingPlaces({} as StoredReport, now)).toEqual({});
    expect(waitingPlaces({ risk: { reasons: [{ kind: 'waiting_on_us' }] } } as unknown as StoredReport, now)).toEqual(
      {},
    );
  });
});
