// Plain client metrics and threads for the follow-up tests: a client of 400
// days who wrote three days ago, with usual reply times either way.
import type { ClientMetrics } from '@/lib/engine/report-types';
import type { ThreadState } from '@/lib/engine/waiting';
import { DAY, HOUR } from './mail-builders';

export const now = 1_000 * DAY;

export function followUpMetrics(overrides: Partial<ClientMetrics> = {}): ClientMetrics {
  return {
    firstSeenAt: now - 400 * DAY,
    lastInboundAt: now - 3 * DAY,
    lastOutboundAt: now - 10 * DAY,
    lastStartedByUsAt: now - 10 * DAY,
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

export const thread = (threadId: string, turn: ThreadState['turn'], since: number, lastAt = since): ThreadState => ({
  threadId,
  subject: `Subject ${threadId}`,
  messageCount: 2,
  lastAt,
  turn,
  since,
});
