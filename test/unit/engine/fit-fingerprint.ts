// What a change of the BG/NBD optimizer may and may not move in an account's
// analysis: the fit's log-likelihood and each client's P(alive) within a
// tolerance, and nothing a user reads (risk level, chance in whole percent,
// each reason's kind and text). The per-client part is kept as a short digest
// so expected values of real mailboxes hold no address or text.
import { createHash } from 'node:crypto';
import type { AccountAnalysis } from '@/lib/engine/analyze';
import { logLikelihood } from '@/lib/engine/bgnbd';

export interface FitFingerprint {
  /** The fit's total log-likelihood over the clients with contact. */
  ll: number;
  clients: number;
  /** Each client's P(alive), clients by key; -1 where there is none. */
  pAlive: number[];
  /** Each client's level, chance and reasons, digested, clients by key. */
  readable: string[];
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

export function fitFingerprint(analysis: AccountAnalysis): FitFingerprint {
  const clients = [...analysis.clients].sort((a, b) => (a.key < b.key ? -1 : 1));
  const customers = clients.flatMap((c) => (c.metrics.bgnbd ? [c.metrics.bgnbd] : []));
  return {
    ll: analysis.model ? logLikelihood(analysis.model, customers) : Number.NaN,
    clients: customers.length,
    pAlive: clients.map((c) => c.metrics.bgnbd?.pAlive ?? -1),
    readable: clients.map((c) =>
      digest(
        JSON.stringify([c.key, c.risk.level, c.risk.score, c.risk.reasons.map((r) => [r.kind, r.text, r.urgent])]),
      ),
    ),
  };
}
