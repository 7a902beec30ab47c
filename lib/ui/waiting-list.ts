// The popup's list: clients waiting on the user, then clients who stopped
// answering the user, each past the usual reply time on its side. Both come
// from the engine's reasons (`waiting_on_us`, `waiting_on_them`), so the popup
// says exactly what the risk explains. Reads only clients that can carry those
// reasons, through the indexes: never the whole table.

import type { StoredClient } from '@/lib/data/stored-rows';
import type { ClientTier } from '@/lib/engine/overrides';
import type { RiskReason } from '@/lib/engine/risk-types';

type Reason<K extends RiskReason['kind']> = Extract<RiskReason, { kind: K }>;

export interface WaitingEntry {
  account: string;
  clientKey: string;
  name: string;
  level: StoredClient['report']['risk']['level'];
  score: number;
  tier?: ClientTier;
  value?: number;
  /** The thread that has waited longest, to open in Gmail. */
  threadId?: string;
  subject: string;
  /** When the wait began: the oldest unanswered message on the waiting side. */
  since: number;
  waitingMs: number;
  /** The usual time on the waiting side: the user's reply time, or the client's. */
  usualMs?: number;
  threads: number;
  /** Lower-cased name, key, addresses and subject, for the search box. */
  haystack: string;
}

// The score is the chance of going quiet, which waiting_on_them does not
// raise; but a client it fires for has been silent a day at least, and the
// shipped model gives such a client more than 1% even with hundreds of contact
// days (checked in the risk tests), so the index still spares the quiet rest.
export const MIN_SCORE_WAITING_ON_THEM = 1;

function entry(
  client: StoredClient,
  reason: Reason<'waiting_on_us'> | Reason<'waiting_on_them'>,
  now: number,
): WaitingEntry {
  // The report's numbers were measured at its computation; the wait has grown since.
  const since = client.computedAt - reason.numbers.waitingMs;
  const { report } = client;
  const thread = report.threads.find((t) => t.threadId === reason.threadId);
  const usualMs =
    reason.kind === 'waiting_on_us'
      ? reason.numbers.usualReplyMs
      : Math.max(reason.numbers.usualReplyMs, reason.numbers.usualGapMs);
  return {
    account: client.account,
    clientKey: client.key,
    name: report.displayName,
    level: report.risk.level,
    score: client.riskScore,
    ...(report.tier && { tier: report.tier }),
    ...(report.value !== undefined && { value: report.value }),
    ...(reason.threadId && { threadId: reason.threadId }),
    subject: thread?.subject ?? '',
    since,
    waitingMs: Math.max(0, now - since),
    ...(usualMs !== undefined && { usualMs }),
    threads: reason.numbers.threads,
    haystack: [report.displayName, client.key, ...report.addresses, thread?.subject ?? '', client.account]
      .join('\n')
      .toLowerCase(),
  };
}

function reasonOf<K extends 'waiting_on_us' | 'waiting_on_them'>(client: StoredClient, kind: K) {
  return client.report.risk.reasons.find((r): r is Reason<K> => r.kind === kind);
}

function rank(
  clients: readonly StoredClient[],
  kind: 'waiting_on_us' | 'waiting_on_them',
  factor: (client: StoredClient, e: WaitingEntry) => number,
  now: number,
): WaitingEntry[] {
  const ranked: { e: WaitingEntry; urgency: number }[] = [];
  for (const client of clients) {
    const reason = reasonOf(client, kind);
    if (!reason) continue;
    const e = entry(client, reason, now);
    ranked.push({ e, urgency: e.waitingMs * factor(client, e) });
  }
  return ranked
    .sort(
      (a, b) =>
        b.urgency - a.urgency || (b.e.value ?? 0) - (a.e.value ?? 0) || a.e.clientKey.localeCompare(b.e.clientKey),
    )
    .map(({ e }) => e);
}

/**
 * Clients past the user's usual reply time, longest wait first, weighed by
 * what the client is worth (the engine's value factor: a key client waiting
 * two days comes before a minor one waiting three).
 */
export function rankWaitingOnYou(clients: readonly StoredClient[], now: number): WaitingEntry[] {
  return rank(clients, 'waiting_on_us', (client) => client.report.risk.valueFactor, now);
}

/** Clients who stopped answering, most overdue against their own usual time first, weighed by value. */
export function rankStoppedAnswering(clients: readonly StoredClient[], now: number): WaitingEntry[] {
  return rank(
    clients,
    'waiting_on_them',
    (client, e) => client.report.risk.valueFactor / Math.max(e.usualMs ?? 1, 1),
    now,
  );
}

/** Keeps the entries whose name, addresses or subject hold every word of the query. */
export function searchWaiting(entries: readonly WaitingEntry[], query: string): WaitingEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => words.every((w) => e.haystack.includes(w)));
}
