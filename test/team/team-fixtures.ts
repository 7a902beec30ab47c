import { createServer } from 'node:net';
import type { ClientSummary } from '@/lib/team/summary';

// What the team's tests build alike, with or without a server: a loopback
// port nothing listens on yet, and a member's summary of one client.

/** A loopback port free at this moment: a server can take it, or a socket be refused there. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A member's summary of one client, with only numbers and kinds in it. */
export function summary(clientKey: string, chance = 30, at = Date.parse('2026-11-16T12:00:00Z')): ClientSummary {
  return {
    clientKey,
    name: clientKey,
    kind: 'org',
    firstContactAt: at - 100 * 86_400_000,
    lastInboundAt: at - 3 * 86_400_000,
    lastFrom: 'client',
    replyTimes: { member: { count: 3, medianMs: 3_600_000 }, client: { count: 2 } },
    risk: { chance, level: 'watch', reasons: [{ kind: 'silence', weight: 40, numbers: { silenceDays: 3 } }] },
    followUps: [],
    computedAt: at,
  };
}
